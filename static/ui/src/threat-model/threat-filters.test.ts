import type { ThreatListRow } from '../../../../src/contract/threat-index';
import { summarize } from './threat-filters';

function rows(total: number, critical: number): ThreatListRow[] {
  return Array.from(
    { length: total },
    (_, i) =>
      ({ severity: { band: i < critical ? 'Critical' : 'Low', score: i < critical ? 20 : 2 } }) as ThreatListRow,
  );
}

describe('the threat count above the table', () => {
  it('groups thousands as the rest of the tab does', () => {
    expect(summarize(rows(5000, 610))).toBe('5,000 threats, 610 critical');
    expect(summarize(rows(1, 0))).toBe('1 threat, 0 critical');
  });
});
