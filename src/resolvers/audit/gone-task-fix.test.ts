import { startAuditSite, type AuditSite } from '../../../test/support/audit-site';
import { restAs } from '../../../test/support/local-site';
import { tlsMitigation } from '../../../test/support/mitigation-drafts';
import { okData } from '../../../test/support/round-trips';
import { addSecondProject } from '../../../test/support/second-project';
import type { AuditView, MitigationView } from '../../contract';

// The audit reports a mitigation whose recorded task is not among the project's mitigation tasks
// the app can see, with "Create the task". That makes a new task only when the recorded one is no
// longer anyone's task: kept while the person or the app reads it as one; replaced by any task
// creator once it was released or moved; by a project administrator only when neither can read it
// (deleted, or a level neither is in: Jira answers both with 404); never for a mitigation in place.

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const LEVEL = '10100'; // PAY's "Security team": the Administrators role (alice) and the app's role

describe('a mitigation whose recorded task is no longer its task', () => {
  let site: AuditSite['site'];
  let call: AuditSite['call'];
  let consumer: AuditSite['consumer'];
  beforeAll(async () => ({ site, call, consumer } = await startAuditSite()));
  afterAll(() => site.close());

  const findings = async () => {
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
    return okData<AuditView>(await call('alice', 'audit/get', {}, onProject)).result!.findings;
  };
  const createTask = (who: 'alice' | 'bob', mitigationId: string) =>
    call(who, 'mitigation/create-task', { mitigationId }, onProject);
  /** A new mitigation of alice's and the task she created for it. */
  const withTask = async (title: string) => {
    const draft = { ...tlsMitigation, title };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const created = okData<MitigationView>(await createTask('alice', added.id));
    return { id: added.id, key: created.task!.key, revision: created.revision, draft };
  };
  /** Someone makes the task an ordinary issue: the label and the property go (what "Release" does). */
  const release = async (key: string) => {
    const alice = restAs(site, 'alice');
    expect((await alice('DELETE', `/rest/api/3/issue/${key}/properties/without.task`)).status).toBe(204);
    expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { labels: [] } })).status).toBe(204);
  };
  const putLevel = async (key: string) =>
    expect(
      (await restAs(site, 'alice')('PUT', `/rest/api/3/issue/${key}`, { fields: { security: { id: LEVEL } } })).status,
    ).toBe(204);
  /** The level with other role grants, for the time of `work`. */
  const withLevelRoles = async (roleIds: number[], work: () => Promise<void>) => {
    const level = site.store.get('securityLevel', LEVEL)!;
    site.store.put('securityLevel', LEVEL, { ...level, roleIds });
    try {
      await work();
    } finally {
      site.store.put('securityLevel', LEVEL, level);
    }
  };
  /** `act` creates no issue, and answers with the task `key`. */
  const keeps = async (key: string, act: () => ReturnType<typeof createTask>) => {
    const issues = site.store.all('issue').length;
    expect(okData<MitigationView>(await act()).task!.key).toBe(key);
    expect(site.store.all('issue')).toHaveLength(issues);
  };

  it('gets a new task from the finding’s “Create the task”', async () => {
    const mitigation = await withTask('Rotate the card vault keys');
    await release(mitigation.key);
    const finding = (await findings()).find((f) => f.id === `mitigation-without-task:${mitigation.id}`)!;
    expect(finding.message).toContain(mitigation.key);
    expect(finding.fix).toMatchObject({ action: 'create-task' });

    const second = okData<MitigationView>(await createTask('alice', mitigation.id));
    expect(second.task!.key).not.toBe(mitigation.key);
    expect((await findings()).map((f) => f.id)).not.toContain(`mitigation-without-task:${mitigation.id}`);
    // While it is the mitigation's task, a click again (or a concurrent one) creates nothing.
    await keeps(second.task!.key, () => createTask('alice', mitigation.id));
  });

  it('keeps a task the person still sees as the task, which the app cannot see (a level it is not in)', async () => {
    const { id, key } = await withTask('Split the card vault network');
    // The level granted to the Administrators role (alice) only, not to the app's role.
    await withLevelRoles([10002], async () => {
      await putLevel(key);
      const finding = (await findings()).find((f) => f.id === `mitigation-without-task:${id}`)!;
      expect(finding.message).toContain('under a security level the app is not in');
      await keeps(key, () => createTask('alice', id));
    });
  });

  it('keeps a task the app still sees as the task, when the person cannot (a level they are not in)', async () => {
    const { id, key } = await withTask('Encrypt the card vault backups');
    await putLevel(key); // as seeded: alice and the app are in it, bob is not
    expect((await restAs(site, 'bob')('GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
    await keeps(key, () => createTask('bob', id));
  });

  it('is reported although search still shows the task as it was a moment ago', async () => {
    const { id, key } = await withTask('Mask card numbers in support tools');
    const finding = `mitigation-without-task:${id}`;
    expect((await findings()).map((f) => f.id)).not.toContain(finding);
    site.faults.configure({ searchLagMs: 60_000 });
    try {
      await release(key);
      const search = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
        jql: `key = ${key}`,
        fields: ['labels'],
      });
      expect(JSON.stringify(search.body)).toContain('without-mitigation');
      expect((await findings()).map((f) => f.id)).toContain(finding);
    } finally {
      site.faults.configure({ searchLagMs: 0 });
    }
  });

  it('is replaced, when neither the person nor the app can read it, only by a project administrator', async () => {
    const { id, key } = await withTask('Isolate the card vault admin console');
    // A level that grants none of them (nor its reporter): as if deleted, for Jira answers alike.
    await withLevelRoles([], async () => {
      const task = site.store.issueByKey(key)!;
      site.store.put('issue', task.id, { ...task, securityLevelId: LEVEL, reporterAccountId: '712020:nobody' });
      expect((await restAs(site, 'alice')('GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
      const issues = site.store.all('issue').length;
      // bob (developer) may create tasks, but it may still be someone's task: not his to replace.
      const bobs = await createTask('bob', id);
      expect(bobs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(bobs)).toContain(`You cannot read ${key}`);
      expect(site.store.all('issue')).toHaveLength(issues);
      // alice administers PAY: hers is a new task.
      expect(okData<MitigationView>(await createTask('alice', id)).task!.key).not.toBe(key);
    });
  });

  it('is not replaced for a mitigation already in place: that would raise its risk again', async () => {
    const { id, key, revision, draft } = await withTask('Disable TLS renegotiation');
    const update = { id, baseRevision: revision, draft: { ...draft, status: 'implemented' } };
    expect(okData<MitigationView>(await call('alice', 'mitigation/update', update, onProject)).status).toBe(
      'implemented',
    );
    await release(key);
    const issues = site.store.all('issue').length;
    expect(await createTask('bob', id)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(site.store.all('issue')).toHaveLength(issues);
  });

  it('is replaced, when moved to a project the person cannot browse, only by a project administrator', async () => {
    const { id, key } = await withTask('Keep card vault runbooks current');
    // The security team moves it to SEC (Jira's move: same id, new key and project; label and property stay).
    const sec = addSecondProject(site, 'SEC');
    site.store.put('grant', '712020:bob/SEC', { accountId: '712020:bob', projectKey: 'SEC', role: 'none' });
    const developers = `${sec.project.id}/10001`;
    site.store.put('roleMembership', developers, { ...site.store.get('roleMembership', developers)!, accountIds: [] });
    const task = site.store.issueByKey(key)!;
    site.store.put('issue', task.id, { ...task, projectId: sec.project.id, key: 'SEC-77' });
    expect((await restAs(site, 'bob')('GET', `/rest/api/3/issue/${task.id}`)).status).toBe(404);
    const issues = site.store.all('issue').length;
    expect(await createTask('bob', id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(site.store.all('issue')).toHaveLength(issues);
    // alice reads it in SEC herself (and administers PAY): hers is a new task of PAY.
    expect(okData<MitigationView>(await createTask('alice', id)).task!.key).toMatch(/^PAY-/);
  });
});
