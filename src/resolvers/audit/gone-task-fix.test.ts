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
});
