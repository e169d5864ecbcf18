import { audit, clean, messy, NOW } from './audit-fixtures';
import { suppress } from './suppression';
import { toTable } from './table-report';

describe('toTable', () => {
  it('shows the counts per severity, then one line per unsuppressed finding, none wider than asked', () => {
    const shape = messy();
    const result = audit({
      ...shape,
      suppressions: suppress([], 'threat-without-story:T-4', 'Accepted for this release.', {
        accountId: 'carol',
        now: NOW,
      }),
    });
    const lines = toTable(result, { width: 100 }).trimEnd().split('\n');
    expect(lines[0]).toBe(`Audit of PAY at ${NOW}: ${result.totals.findings} findings, 1 suppressed`);
    expect(lines[1]).toBe(
      `critical ${result.counts.bySeverity.critical}  high ${result.counts.bySeverity.high}  medium ${result.counts.bySeverity.medium}  low ${result.counts.bySeverity.low}`,
    );
    expect(lines[2]).toBe('Coverage: 0 of 1 stories that need WITHOUT clauses have them (0%)');
    expect(lines[4]).toMatch(/^SEVERITY +KIND +MESSAGE$/);
    const findingLines = lines.slice(5);
    expect(findingLines).toHaveLength(result.totals.findings);
    expect(findingLines.every((l) => Array.from(l).length <= 100)).toBe(true);
    expect(findingLines.some((l) => l.endsWith('…'))).toBe(true);
    expect(findingLines.join('\n')).not.toContain('T-4 "Refund replayed" is linked to no story');
    expect(findingLines[0]).toMatch(/^critical +model-unreadable +The threat model of PAY/);
  });

  it('turns control characters of user text into spaces, so a title cannot drive the terminal', () => {
    const base = clean();
    const result = audit({ ...base, modelProblems: ['Shard 2 \u001b[2Jwas\u202e cleared.'] });
    const table = toTable(result, { width: 300 });
    expect(table.includes('\u001b') || table.includes('\u202e')).toBe(false);
    expect(table).toContain('Shard 2 [2Jwas cleared.');
  });

  it('says so when there is nothing to report', () => {
    expect(toTable(audit(clean()))).toBe(
      `Audit of PAY at ${NOW}: 0 findings\ncritical 0  high 0  medium 0  low 0\nCoverage: no story needs a WITHOUT clause\n\nNo findings.\n`,
    );
  });
});
