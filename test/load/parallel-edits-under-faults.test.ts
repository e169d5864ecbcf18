import { DEFAULT_FAULT_RUN, describeFigures, runFaultRun } from '../chaos/parallel-edits';

// Twenty people edit twenty different threats at once while Jira answers 30% of requests with
// 429 and 10% with 500 (npm run chaos prints the same figures). Whatever the timing, no edit
// may be lost, acknowledged twice, or stored while its author was told it failed, and a
// failure must be a sentence the person can act on.
describe('parallel edits of different threats under faults', () => {
  it('saves at least 18 of 20, loses nothing, stores nothing it reported as failed, and leaves no lock behind', async () => {
    const figures = await runFaultRun(DEFAULT_FAULT_RUN);
    process.stdout.write(`${describeFigures(figures)}\n`);
    expect(figures.tried).toBe(20);
    expect(figures.lost).toBe(0);
    expect(figures.falseFailures).toBe(0);
    expect(figures.duplicated).toBe(0);
    expect(figures.lockLeft).toBe(false);
    expect(figures.stored).toBe(figures.acknowledged);
    // Which request meets an injected 500 depends on timing: a write Jira fails with 500 is
    // reported as JIRA_UNAVAILABLE ("try again in a moment"), as actionable as a 429.
    const actionable = new Set(['CONFLICT', 'RATE_LIMITED', 'JIRA_UNAVAILABLE']);
    expect(Object.keys(figures.failures).filter((code) => !actionable.has(code))).toEqual([]);
    expect(figures.acknowledged).toBeGreaterThanOrEqual(18);
  }, 120_000);
});
