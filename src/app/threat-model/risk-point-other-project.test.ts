import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { addSecondProject, DAVE, restAsDave, type SecondProject } from '../../../test/support/second-project';
import { dayOf } from '../../domain/threat-model/risk-history';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { okData } from '../../../test/support/round-trips';
import type { ThreatModelView } from '../../contract';
import { resolver } from '../../index';
import { recordRiskPoint } from './record-risk-point';

// Found by an attacker's review: the risk point is computed as the app from the live status of
// the issues the model records as tasks, and it counted them in whatever project they were. An
// administrator of PAY who cannot see SEC recorded a SEC issue as a PAY mitigation's task (the
// model is a project property he may write) and read its status back from PAY's risk history.
describe('risk point and a task id of another project', () => {
  let site: LocalSite;
  let sec: SecondProject;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    sec = addSecondProject(site);
    // dave administers PAY and has no access to SEC.
    site.store.put('grant', `${DAVE.accountId}/PAY`, {
      accountId: DAVE.accountId,
      projectKey: 'PAY',
      role: 'administrator',
    });
  });
  afterAll(() => site.close());

  it('does not let the status of an issue of another project, recorded as a task, reach its history or its page', async () => {
    const dave = siteClient(site, DAVE.accountId);
    const app = siteClient(site);
    expect((await restAsDave(site)('GET', `/rest/api/3/issue/${sec.story.id}`)).status).toBe(404);

    // dave writes PAY's model (as himself: project properties are his to write).
    await changeThreatModel(dave, 'PAY', DAVE.accountId, (model) => ({
      model: {
        ...model,
        mitigations: model.mitigations.map((m) =>
          m.id === 'M-4' ? { ...m, task: { id: sec.story.id, key: 'PAY-999' } } : m,
        ),
      },
      result: undefined,
    }));

    await recordRiskPoint(app, 'PAY', '2026-12-01T06:00:00.000Z');
    // The project page, seen by alice, who may see both projects: the same figure either way.
    const call = resolverCaller(site, resolver);
    const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
    const pageRisk = async () => okData<ThreatModelView>(await call('alice', 'threat-model/get', {}, onProject)).risk;
    const pageBefore = await pageRisk();
    const transitions = await restAs(site, 'alice')('GET', `/rest/api/3/issue/${sec.story.key}/transitions`);
    const done = (transitions.body?.transitions as Array<{ id: string; to: { statusCategory: { key: string } } }>).find(
      (t) => t.to.statusCategory.key === 'done',
    )!;
    const moved = await restAs(site, 'alice')('POST', `/rest/api/3/issue/${sec.story.key}/transitions`, {
      transition: { id: done.id },
    });
    expect(moved.status).toBe(204);
    await recordRiskPoint(app, 'PAY', '2026-12-02T06:00:00.000Z');

    const { points } = await readRiskHistory(dave, 'PAY');
    const before = points.find((p) => p.date === dayOf('2026-12-01T06:00:00.000Z'))!;
    const after = points.find((p) => p.date === dayOf('2026-12-02T06:00:00.000Z'))!;
    // Nothing in PAY changed; only a SEC issue dave cannot see moved to Done.
    expect(after.now).toBe(before.now);
    expect(after.planned).toBe(before.planned);
    expect(await pageRisk()).toEqual(pageBefore);
    expect(pageBefore).toMatchObject({ now: before.now, planned: before.planned });
  });
});
