import { AppError } from '../common/app-error';
import { audit, messy, NOW } from './audit-fixtures';
import { failsAt } from './audit-report';
import { Suppression, suppress, unsuppress } from './suppression';

const carol = { accountId: '712020:carol', now: NOW };
const WHY = 'Accepted until the new payment provider goes live in Q3.';

describe('suppressions', () => {
  it('records who suppressed a finding, when and why, replacing an earlier suppression of it', () => {
    const first = suppress([], 'threat-without-story:T-4', 'First thoughts on this one', carol);
    const list = suppress(first, 'threat-without-story:T-4', WHY, { ...carol, now: '2026-03-02T10:00:00.000Z' });
    expect(list).toEqual([
      { findingId: 'threat-without-story:T-4', why: WHY, by: '712020:carol', at: '2026-03-02T10:00:00.000Z' },
    ]);
    expect(unsuppress(list, 'threat-without-story:T-4')).toEqual([]);
    expect(unsuppress(list, 'other')).toEqual(list);
  });

  it('refuses a reason shorter than 10 or longer than 1000 characters', () => {
    expect(() => suppress([], 'x', '  too short ', carol)).toThrow(
      new AppError('BAD_REQUEST', 'Say why in at least 10 characters'),
    );
    expect(() => suppress([], 'x', 'y'.repeat(1001), carol)).toThrow('at most 1000');
    expect(Suppression.safeParse({ findingId: 'x', why: WHY, by: 'a', at: 'yesterday' }).success).toBe(false);
  });

  it('marks a suppressed finding, leaves it out of the counts, and reports suppressions whose finding is gone', () => {
    const before = audit(messy());
    const suppressions = suppress(
      suppress([], 'threat-without-story:T-4', WHY, carol),
      'orphan-task:PAY-999',
      'That task was deleted long ago.',
      carol,
    );
    const after = audit({ ...messy(), suppressions });
    const finding = after.findings.find((f) => f.id === 'threat-without-story:T-4');
    expect(finding?.suppression).toEqual({
      findingId: 'threat-without-story:T-4',
      why: WHY,
      by: '712020:carol',
      at: NOW,
    });
    expect(after.findings).toHaveLength(before.findings.length);
    expect(after.totals).toEqual({ findings: before.totals.findings - 1, suppressed: 1 });
    expect(after.counts.byKind['threat-without-story']).toBe(0);
    expect(after.counts.bySeverity.high).toBe(before.counts.bySeverity.high - 1);
    expect(after.staleSuppressions).toEqual(['orphan-task:PAY-999']);
  });

  it('lets a pipeline pass once the findings at its level are suppressed', () => {
    const result = audit(messy());
    expect(failsAt(result, 'critical')).toBe(true);
    const everything = result.findings.reduce(
      (list, f) => (f.severity === 'critical' ? suppress(list, f.id, WHY, carol) : list),
      [] as Suppression[],
    );
    const suppressed = audit({ ...messy(), suppressions: everything });
    expect(failsAt(suppressed, 'critical')).toBe(false);
    expect(failsAt(suppressed, 'high')).toBe(true);
  });
});
