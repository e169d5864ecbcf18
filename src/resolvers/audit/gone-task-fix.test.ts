import type { LocalSite } from '../../../local/site/server';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { tlsMitigation } from '../../../test/support/mitigation-drafts';
import { okData } from '../../../test/support/round-trips';
import type { AuditView, MitigationView } from '../../contract';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('a mitigation whose recorded task is no longer its task', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let consumer: ReturnType<typeof queueConsumer>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    consumer = queueConsumer(auditWorker, 'run-audit');
  });
  afterAll(() => site.close());

  const findings = async () => {
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
    return okData<AuditView>(await call('alice', 'audit/get', {}, onProject)).result!.findings;
  };

  it('gets a new task from the finding’s “Create the task”', async () => {
    const draft = { ...tlsMitigation, title: 'Rotate the card vault keys' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const first = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    const old = first.task!.key;
    // Someone makes it an ordinary issue: the label and the property go (what "Release" does).
    const alice = restAs(site, 'alice');
    expect((await alice('DELETE', `/rest/api/3/issue/${old}/properties/without.task`)).status).toBe(204);
    expect((await alice('PUT', `/rest/api/3/issue/${old}`, { fields: { labels: [] } })).status).toBe(204);
    const finding = (await findings()).find((f) => f.id === `mitigation-without-task:${added.id}`)!;
    expect(finding.message).toContain(old);
    expect(finding.fix).toMatchObject({ action: 'create-task' });

    const second = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    expect(second.task!.key).not.toBe(old);
    expect((await findings()).map((f) => f.id)).not.toContain(`mitigation-without-task:${added.id}`);
    // While it is the mitigation's task, a click again (or a concurrent one) creates nothing.
    const issues = site.store.all('issue').length;
    const again = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    expect(again.task!.key).toBe(second.task!.key);
    expect(site.store.all('issue')).toHaveLength(issues);
  });

  it('keeps a task the person still sees as the task, which the app cannot see (a level it is not in)', async () => {
    const draft = { ...tlsMitigation, title: 'Split the card vault network' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const first = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    const key = first.task!.key;
    // PAY's level granted to the Administrators role (alice) only, not to the app's role.
    const level = site.store.get('securityLevel', '10100')!;
    site.store.put('securityLevel', '10100', { ...level, roleIds: [10002] });
    try {
      const alice = restAs(site, 'alice');
      expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { security: { id: '10100' } } })).status).toBe(
        204,
      );
      const finding = (await findings()).find((f) => f.id === `mitigation-without-task:${added.id}`)!;
      expect(finding.message).toContain('under a security level the app is not in');
      const issues = site.store.all('issue').length;
      const again = okData<MitigationView>(
        await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
      );
      expect(again.task!.key).toBe(key);
      expect(site.store.all('issue')).toHaveLength(issues);
    } finally {
      site.store.put('securityLevel', '10100', level);
    }
  });

  it('keeps a task the app still sees as the task, when the person cannot (a level they are not in)', async () => {
    const draft = { ...tlsMitigation, title: 'Encrypt the card vault backups' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const key = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    ).task!.key;
    // PAY's level as seeded: alice and the app are in it, bob is not.
    const alice = restAs(site, 'alice');
    expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { security: { id: '10100' } } })).status).toBe(
      204,
    );
    expect((await restAs(site, 'bob')('GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
    const issues = site.store.all('issue').length;
    const bobs = okData<MitigationView>(
      await call('bob', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    expect(bobs.task!.key).toBe(key);
    expect(site.store.all('issue')).toHaveLength(issues);
  });

  it('is reported although search still shows the task as it was a moment ago', async () => {
    const draft = { ...tlsMitigation, title: 'Mask card numbers in support tools' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const key = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    ).task!.key;
    const id = `mitigation-without-task:${added.id}`;
    expect((await findings()).map((f) => f.id)).not.toContain(id);
    site.faults.configure({ searchLagMs: 60_000 });
    try {
      const alice = restAs(site, 'alice');
      expect((await alice('DELETE', `/rest/api/3/issue/${key}/properties/without.task`)).status).toBe(204);
      expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { labels: [] } })).status).toBe(204);
      const search = await alice('POST', '/rest/api/3/search/jql', {
        jql: `key = ${key}`,
        fields: ['labels'],
      });
      expect(JSON.stringify(search.body)).toContain('without-mitigation');
      expect((await findings()).map((f) => f.id)).toContain(id);
    } finally {
      site.faults.configure({ searchLagMs: 0 });
    }
  });

  it('is replaced, when neither the person nor the app can read it, only by a project administrator', async () => {
    const draft = { ...tlsMitigation, title: 'Isolate the card vault admin console' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const key = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    ).task!.key;
    // Under a level that grants nobody of these (not even its reporter): as if deleted, for Jira answers alike.
    const level = site.store.get('securityLevel', '10100')!;
    site.store.put('securityLevel', '10100', { ...level, roleIds: [] });
    const task = site.store.issueByKey(key)!;
    site.store.put('issue', task.id, { ...task, securityLevelId: '10100', reporterAccountId: '712020:nobody' });
    try {
      expect((await restAs(site, 'alice')('GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
      const issues = site.store.all('issue').length;
      // bob (developer) may create tasks, but it may still be someone's task: not his to replace.
      const bobs = await call('bob', 'mitigation/create-task', { mitigationId: added.id }, onProject);
      expect(bobs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(bobs)).toContain(`Neither you nor the app can read ${key}`);
      expect(site.store.all('issue')).toHaveLength(issues);
      // alice administers PAY: hers is a new task.
      const alices = okData<MitigationView>(
        await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
      );
      expect(alices.task!.key).not.toBe(key);
    } finally {
      site.store.put('securityLevel', '10100', level);
    }
  });

  it('is not replaced for a mitigation already in place: that would raise its risk again', async () => {
    const draft = { ...tlsMitigation, title: 'Disable TLS renegotiation' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const created = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    const implemented = okData<MitigationView>(
      await call(
        'alice',
        'mitigation/update',
        { id: added.id, baseRevision: created.revision, draft: { ...draft, status: 'implemented' } },
        onProject,
      ),
    );
    expect(implemented.status).toBe('implemented');
    const alice = restAs(site, 'alice');
    const key = created.task!.key;
    expect((await alice('DELETE', `/rest/api/3/issue/${key}/properties/without.task`)).status).toBe(204);
    expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { labels: [] } })).status).toBe(204);
    const issues = site.store.all('issue').length;
    const answer = await call('bob', 'mitigation/create-task', { mitigationId: added.id }, onProject);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(site.store.all('issue')).toHaveLength(issues);
  });
});
