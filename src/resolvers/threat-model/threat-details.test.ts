import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { ThreatDetails, ThreatModelView } from '../../contract';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('threat-model/get lists compactly; threat-model/threat-details answers in full', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const answer = async <T>(key: string, payload: unknown): Promise<T> => {
    const envelope = (await call('carol', key, payload, onProject)) as Envelope<T>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.data;
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('leaves the texts, stamps and receipts the table never shows out of the list', async () => {
    const view = await answer<ThreatModelView>('threat-model/get', {});
    expect(view.mitigations.length).toBeGreaterThan(0);
    for (const m of view.mitigations)
      for (const field of ['implementation', 'verification', 'created', 'updated', 'imported', 'taskClaim', 'lastEdit'])
        expect(m).not.toHaveProperty(field);
    for (const t of view.threats)
      for (const field of ['lastEdit', 'imported', 'detectionEvents']) expect(t).not.toHaveProperty(field);
    // The answer grows by a few hundred bytes a threat and a mitigation, not by their texts:
    // at 1,000 threats and 2,000 mitigations it stays far below Forge's 5 MB.
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    expect(bytes(view.mitigations) / view.mitigations.length).toBeLessThan(450);
    expect(bytes(view.threats) / view.threats.length).toBeLessThan(1200);
  });

  it('answers a threat in full with the mitigations addressing it in full, in two requests', async () => {
    const view = await answer<ThreatModelView>('threat-model/get', {});
    const listed = view.mitigations[0]!;
    const threatId = listed.addresses[0]!.threatId;
    const mark = site.log.mark();
    const details = await answer<ThreatDetails>('threat-model/threat-details', { id: threatId });
    // The model and the project's tasks (their live statuses).
    expect(site.log.since(mark)).toHaveLength(2);
    expect(details.threat).toMatchObject({ id: threatId, created: expect.anything() });
    expect(details.mitigations.length).toBeGreaterThan(0);
    expect(details.mitigations.map((m) => m.id)).toEqual(
      view.mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId)).map((m) => m.id),
    );
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
