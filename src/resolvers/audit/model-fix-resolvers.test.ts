import type { LocalSite } from '../../../local/site/server';
import { okData } from '../../../test/support/round-trips';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { measureCall } from '../../../test/support/round-trips';
import type { AuditView, ModelValues } from '../../contract';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const BROKEN_SHARD = { v: 2, revision: 1, encoding: 'deflate-base64', data: 'not deflated' };

// Issue 17: "Threat model not readable" has a fix in place like the other stored values: the raw
// value shown (to anyone who may browse the project), then removed by a project administrator
// through the resolvers, and the finding is gone once the audit has run again.
describe('the audit fix for a threat model the app cannot read', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let consumer: ReturnType<typeof queueConsumer>;
  const answer = async <T>(who: 'alice' | 'bob' | 'carol', key: string, payload: unknown = {}) =>
    okData<T>(await call(who, key, payload, onProject));
  const findingIds = async () => {
    await answer('alice', 'audit/run');
    await consumer.idle();
    return (await answer<AuditView>('alice', 'audit/get')).result!.findings.map((f) => f.id);
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    consumer = queueConsumer(auditWorker, 'run-audit');
    await restAs(site, 'alice')('PUT', '/rest/api/3/project/PAY/properties/without.model.shard.9', BROKEN_SHARD);
  });
  afterAll(() => site.close());

  it('shows carol (browse only) the raw value, in three requests and two round trips, and refuses her the removal', async () => {
    expect(await findingIds()).toContain('model-unreadable');
    let values: ModelValues | undefined;
    const cost = await measureCall(site, async () => {
      values = await answer<ModelValues>('carol', 'audit/model-values');
    });
    // Her permissions and the model side by side (shard 9 comes in the model's one request, with
    // keys that may not exist), then the raw value of the shard that cannot be read.
    expect(cost.lines.sort()).toEqual([
      'user GET /rest/api/3/mypermissions',
      'user GET /rest/api/3/project/PAY',
      'user GET /rest/api/3/project/PAY',
    ]);
    expect(cost.roundTrips).toBe(2);
    expect(values).toMatchObject({ canRemove: false, more: 0, parts: [{ part: { kind: 'shard', shard: 9 } }] });
    const digest = values!.parts[0]!.digest;
    expect(
      await call('carol', 'audit/remove-model-part', { part: { kind: 'shard', shard: 9 }, digest }, onProject),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (await restAs(site, 'alice')('GET', '/rest/api/3/project/PAY/properties/without.model.shard.9')).status,
    ).toBe(200);
  });

  it('refuses a payload that names no part, or a digest that is not one', async () => {
    for (const payload of [
      { part: { kind: 'shard' }, digest: 'a'.repeat(64) },
      { part: { kind: 'meta' }, digest: 'x' },
    ])
      expect(await call('alice', 'audit/remove-model-part', payload, onProject)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
  });

  it('lets alice (a project administrator) remove it, and the finding goes', async () => {
    const values = await answer<ModelValues>('alice', 'audit/model-values');
    expect(values.canRemove).toBe(true);
    const { part, digest } = values.parts[0]!;
    const view = await answer<AuditView>('alice', 'audit/remove-model-part', { part, digest });
    expect(view.run.state).toBe('queued');
    await consumer.idle();
    const after = (await answer<AuditView>('alice', 'audit/get')).result!.findings.map((f) => f.id);
    expect(after).not.toContain('model-unreadable');
    expect((await answer<ModelValues>('alice', 'audit/model-values')).parts).toEqual([]);
  });
});
