import { inflateRawSync } from 'node:zlib';
import { startAuditSite, type AuditSite } from '../../../test/support/audit-site';
import { restAs } from '../../../test/support/local-site';
import { tlsMitigation } from '../../../test/support/mitigation-drafts';
import { okData } from '../../../test/support/round-trips';
import type { AuditView, MitigationView } from '../../contract';

// The audit runs as the app, and the local site's app, like an app whose role a Jira administrator
// added to a security level, sees issues under a level. What the app stores is read by anyone who
// may browse the project (project properties through the REST API), and a task it creates has no
// level: bob, a developer, and carol, a viewer, are not in the level and must learn nothing of a
// restricted story there (found by attacker reviews).

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const LEVEL = '10100'; // PAY's "Security team" level (local/site/security-levels.ts): alice is in it

describe('stories under a security level', () => {
  let site: AuditSite['site'];
  let call: AuditSite['call'];
  let consumer: AuditSite['consumer'];
  beforeAll(async () => ({ site, call, consumer } = await startAuditSite()));
  afterAll(() => site.close());

  const restrict = async (key: string) => {
    const alice = restAs(site, 'alice');
    expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { security: { id: LEVEL } } })).status).toBe(204);
    expect((await restAs(site, 'bob')('GET', `/rest/api/3/issue/${key}`)).status).toBe(404);
  };
  const runAudit = async () => {
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
  };
  /** What bob reads through the REST API of the audit's stored parts (`result` or `stories`), inflated. */
  const storedAsBob = async (what: 'result' | 'stories'): Promise<string> => {
    const bob = restAs(site, 'bob');
    const status = (await bob('GET', '/rest/api/3/project/PAY/properties/without.audit')).body as {
      value: { complete: { slot: number; parts: number; storyIndexParts: number } };
    };
    const { slot, parts, storyIndexParts } = status.value.complete;
    const data: string[] = [];
    for (let i = 0; i < (what === 'result' ? parts : storyIndexParts); i++) {
      const part = await bob('GET', `/rest/api/3/project/PAY/properties/without.audit.${what}.${slot}.${i}`);
      expect(part.status).toBe(200);
      data.push((part.body as { value: { data: string } }).value.data);
    }
    return inflateRawSync(Buffer.from(data.join(''), 'base64')).toString('utf8');
  };
  const names = (text: string, key: string) => new RegExp(`"${key}"|${key}[^0-9]`).test(text);

  it('are left out of the audit the app stores, which says how many it left out', async () => {
    // PAY-4's clause names no threat (a finding quoting it); PAY-2 links T-1 (in the story index).
    const pay4 = site.store.issueByKey('PAY-4')!;
    await runAudit();
    // Control: before the level the stored audit names and quotes them (so the checks below could fail).
    expect(await storedAsBob('result')).toContain(pay4.summary.slice(0, 60));
    expect(names(await storedAsBob('stories'), 'PAY-2')).toBe(true);

    await restrict('PAY-4');
    await restrict('PAY-2');
    await runAudit();
    const result = await storedAsBob('result');
    for (const key of ['PAY-2', 'PAY-4']) {
      expect(names(result, key)).toBe(false);
      expect(names(await storedAsBob('stories'), key)).toBe(false);
    }
    expect(result).not.toContain(pay4.summary.slice(0, 60));
    for (const who of ['bob', 'alice'] as const) {
      const view = okData<AuditView>(await call(who, 'audit/get', {}, onProject));
      expect(view.result!.restrictedLeftOut).toBe(2);
      expect(names(JSON.stringify(view), 'PAY-4')).toBe(false);
    }
  });

  it('are left out of the description of a task the app creates, which people outside the level read', async () => {
    // PAY-1's clause names T-1 ("having my card data stolen"); alice, in the level, creates the tasks.
    const pay1 = site.store.issueByKey('PAY-1')!;
    const taskDescription = async (title: string) => {
      const draft = { ...tlsMitigation, title };
      const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
      const created = okData<MitigationView>(
        await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
      );
      const task = await restAs(site, 'carol')('GET', `/rest/api/3/issue/${created.task!.key}?fields=description`);
      expect(task.status).toBe(200);
      return JSON.stringify(task.body);
    };
    // Control: without a level the description quotes the story and its clause.
    const before = await taskDescription('Enforce TLS 1.2+ on checkout');
    expect(before).toContain(pay1.summary);
    expect(before).toContain('having my card data stolen');

    await restrict('PAY-1');
    const after = await taskDescription('Enforce TLS 1.2+ on the card vault');
    expect(after).not.toContain(pay1.summary);
    expect(after).not.toContain('having my card data stolen');
    expect(names(after, 'PAY-1')).toBe(false);
  });

  it('are not reported as missing when they are a mitigation’s task: the task exists, the audit just leaves it out', async () => {
    const draft = { ...tlsMitigation, title: 'Pin the card vault certificate' };
    const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
    const created = okData<MitigationView>(
      await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    await restrict(created.task!.key);
    await runAudit();
    const view = okData<AuditView>(await call('bob', 'audit/get', {}, onProject));
    expect(view.result!.findings.map((f) => f.id)).not.toContain(`mitigation-without-task:${added.id}`);
    expect(names(await storedAsBob('result'), created.task!.key)).toBe(false);
    expect(view.result!.restrictedLeftOut).toBe(4); // PAY-1, PAY-2, PAY-4 and the task
  });

  it('are left out when the level was set a moment ago and search does not show it yet', async () => {
    // Control: a story the stored story index names now, with the threat it links.
    const index = JSON.parse(await storedAsBob('stories')) as { byThreat: Array<[string, string[]]> };
    const [threatId, keys] = index.byThreat.find(([, linked]) => linked.length > 0)!;
    const key = keys[0]!;
    expect(key).toMatch(/^PAY-\d+$/);
    const taskDescription = async (title: string) => {
      const draft = { ...tlsMitigation, title, addresses: [{ threatId, strength: 75 }] };
      const added = okData<MitigationView>(await call('alice', 'mitigation/add', { draft }, onProject));
      const created = okData<MitigationView>(
        await call('alice', 'mitigation/create-task', { mitigationId: added.id }, onProject),
      );
      const task = await restAs(site, 'carol')('GET', `/rest/api/3/issue/${created.task!.key}?fields=description`);
      return JSON.stringify(task.body);
    };
    // The task's description names the story and quotes it.
    const summary = site.store.issueByKey(key)!.summary;
    const before = await taskDescription(`Mitigate ${threatId} (before the level)`);
    expect(before).toContain(summary);
    expect(names(before, key)).toBe(true);

    // Search follows writes a minute late: it still answers the story without its level.
    site.faults.configure({ searchLagMs: 60_000 });
    try {
      await restrict(key);
      const search = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
        jql: `key = ${key}`,
        fields: ['security'],
      });
      expect((search.body as { issues: Array<{ fields: { security: unknown } }> }).issues[0]!.fields.security).toBe(
        null,
      );
      const after = await taskDescription(`Mitigate ${threatId} (after the level)`);
      expect(after).not.toContain(summary);
      expect(names(after, key)).toBe(false);
      await runAudit();
    } finally {
      site.faults.configure({ searchLagMs: 0 });
    }
    expect(names(await storedAsBob('stories'), key)).toBe(false);
    expect(names(await storedAsBob('result'), key)).toBe(false);
    expect(okData<AuditView>(await call('bob', 'audit/get', {}, onProject)).result!.restrictedLeftOut).toBe(5);
  });
});
