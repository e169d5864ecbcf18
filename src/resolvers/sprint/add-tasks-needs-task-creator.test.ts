import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { okData } from '../../../test/support/round-trips';
import type { SprintPlanView } from '../../contract';
import { resolver } from '../../index';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';

// Found by an attacker's review: "Add to sprint" created a mitigation's task without asking
// whether the person may create and link issues, so someone who may only schedule had the app
// write a task claim into the threat model (and take its lease) before Jira refused the task.
// Jira Cloud's permission schemes grant each permission on its own: the local site's
// "scheduler" holds SCHEDULE_ISSUES and EDIT_ISSUES but not CREATE_ISSUES or LINK_ISSUES.

const onSprint = (id: number) => ({
  type: 'jira:sprintAction',
  sprint: { id },
  board: { id: 1 },
  project: { id: '10000', key: 'PAY' },
});
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('pulling work whose task does not exist yet into a sprint', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const active = () => site.store.all('sprint').find((s) => s.state === 'active')!.id;
  const asRole = (role: 'scheduler' | 'developer') =>
    site.store.put('grant', '712020:bob/PAY', { accountId: '712020:bob', projectKey: 'PAY', role });
  const m4 = async () =>
    (await readThreatModel(siteClient(site), 'PAY')).model.mitigations.find((m) => m.id === 'M-4')!;
  /** Requests the app made that change something, since `mark`. */
  const appWrites = (mark: number) =>
    site.log
      .since(mark)
      .filter((r) => r.principal === 'app' && r.method !== 'GET' && !r.path.endsWith('/search/jql'))
      .map((r) => `${r.method} ${r.path}`);

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('is refused for someone who may schedule but not create issues, with no claim written as the app', async () => {
    asRole('scheduler');
    const before = await m4();
    expect(before.task).toBeNull();
    const plan = okData<SprintPlanView>(await call('bob', 'sprint/get', {}, onSprint(active())));
    expect(plan).toMatchObject({ canSchedule: true, canCreateTasks: false });

    // "Create task" asks before the model's lease: nothing at all is written as the app.
    let mark = site.log.mark();
    expect(await call('bob', 'mitigation/create-task', { mitigationId: 'M-4' }, onProject)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "You can't create tasks in PAY." },
    });
    expect(appWrites(mark)).toEqual([]);

    // "Add to sprint" finds under the lease that M-4 has no task yet: only the lease's own lock
    // is written (and removed), never a claim, a shard or the meta.
    mark = site.log.mark();
    expect(
      await call('bob', 'sprint/add-tasks', { sprintId: active(), mitigationIds: ['M-4'] }, onSprint(active())),
    ).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: "You can't create tasks in PAY." } });
    expect(appWrites(mark).filter((w) => !/\/properties\/without\.model\.lock\.\d+$/.test(w))).toEqual([]);
    expect(await m4()).toEqual(before);
    expect(site.store.all('projectProperty').filter((p) => p.key.startsWith('without.model.lock.'))).toEqual([]);
  });

  it('pulls in work whose task exists for someone who may schedule but not create issues', async () => {
    asRole('scheduler');
    const answer = okData<SprintPlanView>(
      await call('bob', 'sprint/add-tasks', { sprintId: active(), mitigationIds: ['M-3'] }, onSprint(active())),
    );
    expect(answer.mitigations.find((m) => m.id === 'M-3')).toMatchObject({ place: 'this-sprint' });
  });

  it('creates the task and pulls it in for someone who may create issues', async () => {
    asRole('developer');
    const answer = okData<SprintPlanView>(
      await call('bob', 'sprint/add-tasks', { sprintId: active(), mitigationIds: ['M-4'] }, onSprint(active())),
    );
    expect(answer.mitigations.find((m) => m.id === 'M-4')).toMatchObject({ place: 'this-sprint' });
    expect((await m4()).task).toMatchObject({ key: expect.stringMatching(/^PAY-/) });
  });
});
