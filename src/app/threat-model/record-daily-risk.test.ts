import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import type { JiraClient } from '../../jira/client/jira-client';
import { PROPERTY_VALUE_MAX } from '../../jira/client/entity-properties';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { addSecondProject } from '../../../test/support/second-project';
import { dayOf } from '../../domain/threat-model/risk-history';
import { readRiskHistory, RISK_HISTORY_KEY } from '../../jira/threat-model/risk-history-repository';
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

  /** The day's run in one invocation with time enough, and what it logged as warnings. */
  async function wholeRun(app: JiraClient, now: string): Promise<{ recorded: string[]; warned: string }> {
    const warned: unknown[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((...line) => void warned.push(...line));
    const { recorded } = await recordDailyRisk({
      app,
      now,
      remainingMs: () => undefined,
      continueLater: async () => undefined,
    }).finally(() => warn.mockRestore());
    return { recorded, warned: warned.join(' ') };
  }

  // Found by an attacker's review: one project's failure ended the whole run, so a project admin
  // who padded their project's history (a broken entry, kept as stored, up to Jira's limit for a
  // value) stopped the day's point of every project after theirs in Jira's list, every day.
  it("goes on past a project whose point fails, and leaves that project's history as it was", async () => {
    addSecondProject(site, 'SEC'); // after PAY in Jira's list
    const day = '2026-12-03T06:00:00.000Z';
    const point = { date: '2026-01-01', now: 1, planned: 1 };
    const room = PROPERTY_VALUE_MAX - JSON.stringify({ v: 1, points: [point, { pad: '' }] }).length - 5;
    const padded = { v: 1, points: [point, { pad: 'x'.repeat(room) }] };
    const alice = restAs(site, 'alice');
    expect((await alice('PUT', `/rest/api/3/project/PAY/properties/${RISK_HISTORY_KEY}`, padded)).status).toBe(200);

    const { recorded, warned } = await wholeRun(siteClient(site), day);

    // Jira lists projects by key: SEC comes after PAY, and is recorded.
    const projects = site.store.all('project').map((p) => p.key);
    expect([...recorded].sort()).toEqual(projects.filter((key) => key !== 'PAY').sort());
    for (const key of recorded) {
      const { points } = await readRiskHistory(siteClient(site), key);
      expect([key, points.some((p) => p.date === dayOf(day))]).toEqual([key, true]);
    }
    expect((await alice('GET', `/rest/api/3/project/PAY/properties/${RISK_HISTORY_KEY}`)).body?.value).toEqual(padded);
    expect(warned).toMatch(/without-risk: .*\(PAY: the point of 2026-12-03 was not recorded\)/);
  });

  it('goes on past a project Jira keeps failing for', async () => {
    const day = '2026-12-04T06:00:00.000Z';
    // Every project can record (PAY's history may be the padded one of the test before).
    await restAs(site, 'alice')('DELETE', `/rest/api/3/project/PAY/properties/${RISK_HISTORY_KEY}`);
    // Jira answers 500 to every read of AB1's properties, however often the client tries again.
    const app = hookedAppClient(site, (path, _request, phase) => {
      if (phase === 'before' && /\/project\/AB1[/?]/.test(path))
        return { status: 500, headers: new Headers(), text: async () => '{"errorMessages":["Internal error"]}' };
    });
    const { recorded, warned } = await wholeRun(app, day);

    // ABC, PAY and SEC come after AB1 in Jira's list, and are recorded.
    const projects = site.store.all('project').map((p) => p.key);
    expect([...recorded].sort()).toEqual(projects.filter((key) => key !== 'AB1').sort());
    expect(warned).toMatch(/without-daily-risk: the point of 2026-12-04 for AB1 was not recorded/);
  });
});
