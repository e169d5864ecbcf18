import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { addSecondProject } from '../../../test/support/second-project';
import { dayOf } from '../../domain/threat-model/risk-history';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { recordDailyRisk, type DailyRiskContinuation } from './record-daily-risk';

// A continuation goes on from a place in Jira's project list, and every invocation looks at one
// project at least: found by an attacker's review, a run whose time ran out before its first
// project handed on the very event it was given, forever; and skipping to "the key after X" by
// localeCompare missed projects whenever Jira collates keys differently (AB_C, AB1, ABC).

describe('the daily risk run, handed on from invocation to invocation', () => {
  let site: LocalSite;
  const now = '2026-12-02T06:00:00.000Z';
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    for (const key of ['AB_C', 'AB1', 'ABC']) addSecondProject(site, key);
  });
  afterAll(() => site.close());

  it('records every project with a model though no invocation has time for even one, one project each', async () => {
    const app = siteClient(site);
    const handedOn: DailyRiskContinuation[] = [];
    let next: DailyRiskContinuation | undefined;
    let invocations = 0;
    do {
      invocations += 1;
      const from = next;
      next = undefined;
      await recordDailyRisk({
        app,
        now: from?.now ?? now,
        ...(from ? { startAt: from.startAt } : {}),
        remainingMs: () => 0,
        continueLater: async (continuation) => {
          handedOn.push(continuation);
          next = continuation;
        },
      });
    } while (next && invocations < 20);

    const projects = site.store.all('project').map((p) => p.key);
    expect(invocations).toBe(projects.length);
    // Each continuation moves on by one place in the list; none repeats the one it was given.
    expect(handedOn.map((c) => c.startAt)).toEqual(projects.slice(1).map((_, i) => i + 1));
    for (const key of projects) {
      const { points } = await readRiskHistory(app, key);
      expect([key, points.some((p) => p.date === dayOf(now))]).toEqual([key, true]);
    }
  });
});
