import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { StoryView, ThreatModelView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { dayOf } from '../../domain/threat-model/risk-history';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { resolver } from '../../index';
import { recordRiskPoint } from './record-risk-point';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

// Issue 17: "planned risk" is one figure. The risk chart's daily point (written by the daily
// trigger and when a task moves) counted planned work by status alone, so a To Do task pulled
// into an open sprint lowered the page's figure but not the chart's line.
describe('the risk chart’s daily point, and the story panel', () => {
  let site: LocalSite;
  const now = '2026-12-02T06:00:00.000Z';
  const projectPlanned = async () => {
    const answer = (await resolverCaller(site, resolver)(
      'bob',
      'threat-model/get',
      {},
      onProject,
    )) as Envelope<ThreatModelView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data.risk;
  };
  const recorded = async () => {
    const app = siteClient(site);
    const mark = site.log.mark();
    await recordRiskPoint(app, 'PAY', now);
    const requests = site.log.since(mark).map((r) => `${r.method} ${r.path}`);
    const point = (await readRiskHistory(app, 'PAY')).points.find((p) => p.date === dayOf(now))!;
    return { point, requests };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  it('is the project page’s figure, as the story panel’s is, before and after a To Do task is pulled into an open sprint', async () => {
    const before = await recorded();
    const page = await projectPlanned();
    expect(before.point).toMatchObject({ now: page.now, planned: page.planned });

    const storyRisk = async () => {
      // A story whose clauses link T-2: its panel's planned risk of T-2.
      const story = site.store
        .all('issue')
        .find((i) => JSON.stringify(Object.values(i.customFields)).includes('"T-2"'))!;
      const onIssue = { type: 'jira:issuePanel', issue: { id: String(story.id) }, project: onProject.project };
      const answer = (await resolverCaller(site, resolver)('bob', 'story/get', {}, onIssue)) as Envelope<StoryView>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.risk['T-2']!.planned;
    };
    const storyBefore = await storyRisk();
    // M-3 (accepted, strength 75 against T-2, severity 12): its task PAY-22 is To Do, in the backlog.
    const future = site.store.all('sprint').find((s) => s.state === 'future')!.id;
    const moved = await restAs(site, 'alice')('POST', `/rest/agile/1.0/sprint/${future}/issue`, { issues: ['PAY-22'] });
    expect(moved.status).toBe(204);
    const after = await recorded();
    expect(after.point.planned).toBeCloseTo(before.point.planned - 9, 9);
    // The story panel of a story meeting T-2 says the same of T-2 (read with no request more: request-budgets).
    expect(await storyRisk()).toBeCloseTo(storyBefore - 9, 9);
    expect(await storyRisk()).toBeCloseTo(3, 9);
    expect(after.point).toMatchObject({ now: before.point.now, planned: (await projectPlanned()).planned });
  });

  it('reads the tasks the model records by id, with their sprints in the same request: no search of every task', async () => {
    const { requests } = await recorded();
    // The demo records fewer than 100 tasks: one bulkfetch. The field list is cached per client.
    expect(requests.filter((r) => r === 'POST /rest/api/3/issue/bulkfetch')).toHaveLength(1);
    expect(requests.filter((r) => r === 'POST /rest/api/3/search/jql')).toEqual([]);
    expect(requests.filter((r) => r === 'GET /rest/api/3/field').length).toBeLessThanOrEqual(1);
  });
});
