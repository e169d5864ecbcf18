import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import { listRows, type ThreatDetails, type ThreatModelView, type ThreatsAnswer } from '../../contract';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('threat-model/get indexes; threat-model/threats answers a page; threat-model/threat-details one threat in full', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const answer = async <T>(key: string, payload: unknown): Promise<T> => {
    const envelope = (await call('carol', key, payload, onProject)) as Envelope<T>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.data;
  };
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('indexes every threat compactly: what the table sorts, filters and shows collapsed, no texts', async () => {
    const view = await answer<ThreatModelView>('threat-model/get', {});
    const rows = listRows(view.index);
    expect(rows.length).toBeGreaterThan(5);
    expect(view).not.toHaveProperty('mitigations');
    expect(view).not.toHaveProperty('threats');
    for (const row of rows) expect(row).not.toHaveProperty('description');
    // A tuple per threat: its title and component, and some 60 characters of numbers and ids.
    for (const [i, entry] of view.index.entries.entries()) {
      const { title, component } = rows[i]!;
      expect(bytes(entry)).toBeLessThan(title.length + component.length + 90 + (entry[15] ? bytes(entry[15]) : 0));
    }
  });

  it('answers the asked threats in full, as the index lists them, with their mitigations, in two requests', async () => {
    const rows = listRows((await answer<ThreatModelView>('threat-model/get', {})).index);
    const ids = rows.slice(0, 4).map((r) => r.id);
    const mark = site.log.mark();
    const page = await answer<ThreatsAnswer>('threat-model/threats', { ids: [...ids, 'T-999'] });
    // The model, and the project's tasks (their live statuses).
    expect(site.log.since(mark)).toHaveLength(2);
    expect(page.threats.map((t) => t.id)).toEqual(ids);
    for (const full of page.threats) {
      const { description: _none, ...listed } = rows.find((r) => r.id === full.id)!;
      expect(full).toMatchObject({ ...listed, description: expect.any(String) });
      for (const field of ['lastEdit', 'imported', 'detectionEvents']) expect(full).not.toHaveProperty(field);
      const own = page.mitigations.filter((m) => m.addresses.some((a) => a.threatId === full.id));
      expect(own).toHaveLength(full.mitigationCount);
    }
    expect(page.mitigations.length).toBeGreaterThan(0);
    expect(new Set(page.mitigations.map((m) => m.id)).size).toBe(page.mitigations.length);
    for (const m of page.mitigations) {
      expect(m.addresses.some((a) => ids.includes(a.threatId))).toBe(true);
      for (const field of ['implementation', 'verification', 'created', 'updated', 'imported', 'taskClaim', 'lastEdit'])
        expect(m).not.toHaveProperty(field);
    }
  });

  it('refuses more than a page of ids, none, and a malformed id', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `T-${i + 1}`);
    for (const payload of [{ ids }, { ids: [] }, { ids: ['M-1'] }, {}])
      expect(await call('carol', 'threat-model/threats', payload, onProject)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
  });

  it('answers a threat in full with the mitigations addressing it in full, in two requests', async () => {
    const rows = listRows((await answer<ThreatModelView>('threat-model/get', {})).index);
    const threatId = rows.find((r) => r.mitigationCount > 0)!.id;
    const page = await answer<ThreatsAnswer>('threat-model/threats', { ids: [threatId] });
    const listed = page.mitigations[0]!;
    const mark = site.log.mark();
    const details = await answer<ThreatDetails>('threat-model/threat-details', { id: threatId });
    // The model and the project's tasks (their live statuses).
    expect(site.log.since(mark)).toHaveLength(2);
    expect(details.threat).toMatchObject({ id: threatId, created: expect.anything() });
    expect(details.mitigations.map((m) => m.id)).toEqual(page.mitigations.map((m) => m.id));
    const full = details.mitigations.find((m) => m.id === listed.id)!;
    expect(full).toMatchObject({ ...listed, implementation: expect.any(String), verification: expect.any(String) });
    expect(full.created).toBeDefined();
  });

  it('refuses a threat the model does not have, and a malformed id', async () => {
    expect(await call('carol', 'threat-model/threat-details', { id: 'T-999' }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'T-999 is not in the threat model.' },
    });
    expect(await call('carol', 'threat-model/threat-details', { id: 'M-1' }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
