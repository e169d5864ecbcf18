import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { largeModelActor as actor, proseThreat } from '../../../test/support/large-threat-model';
import { prose } from '../../../test/support/prose';
import type { Threat, ThreatDraft } from '../../domain/threat-model/threat';
import {
  addMitigation,
  addThreat,
  editThreat,
  emptyThreatModel,
  type ThreatModel,
} from '../../domain/threat-model/threat-model';
import { shardDecoding } from './decoded-shards';
import { changeThreatModel, readThreatModel } from './threat-model-repository';
import { decodeShard, encodeShard, shardEncoding } from './threat-model-shards';

// The work an edit costs under the model's lease follows what it touches, not the model's size:
// the read before the lease (the check of the person) decodes the shards, the read under it finds
// them unchanged and decodes none, and the write encodes only the shard it changes. Counted, not
// timed: the same counts at 300 records as at 3,000.

const draft = (n: number): ThreatDraft => proseThreat(n, 400);

/** `threats` threats and two mitigations each, built directly (the domain adds one at a time). */
function bigModel(threats: number): ThreatModel {
  const base = emptyThreatModel();
  const list = Array.from({ length: threats }, (_, i) => ({
    ...addThreat(base, draft(i + 1), actor).threat,
    id: `T-${i + 1}`,
  }));
  const withThreats = { ...base, threats: list, nextThreatNumber: threats + 1 };
  const mitigations = list.flatMap((t, i) =>
    [0, 1].map((k) => ({
      ...addMitigation(
        { ...withThreats, threats: [t] },
        {
          title: `Mitigation ${2 * i + k + 1}`,
          implementation: prose(i + k, 200),
          verification: prose(i + k + 7, 80),
          controlType: 'preventive',
          addresses: [{ threatId: t.id, strength: 50 }],
          status: 'proposed',
          rejectionReason: '',
        },
        actor,
      ).mitigation,
      id: `M-${2 * i + k + 1}`,
    })),
  );
  return { ...withThreats, mitigations, nextMitigationNumber: mitigations.length + 1 };
}

async function newProject(site: LocalSite, key: string, threats: number): Promise<void> {
  const id = site.store.next('project', 30000);
  site.store.put('project', id, { id, key, name: key, leadAccountId: '712020:alice' });
  const model = bigModel(threats);
  await changeThreatModel(siteClient(site), key, 'seed', () => ({ model, result: undefined }));
}

interface Cost {
  decoded: number;
  encoded: number;
  shards: number;
}

/** One change as a call makes it: the model read before the lease, then the change under it. */
async function costOf(site: LocalSite, project: string, change: (model: ThreatModel) => ThreatModel): Promise<Cost> {
  const client = siteClient(site);
  const before = await readThreatModel(client, project);
  const decoded = shardDecoding.decoded;
  const encoded = shardEncoding.encoded;
  await changeThreatModel(client, project, 'test', (model) => ({ model: change(model), result: undefined }));
  return {
    decoded: shardDecoding.decoded - decoded,
    encoded: shardEncoding.encoded - encoded,
    shards: before.shards.length,
  };
}

describe('the work of an edit under the lease, at 300 and at 3,000 records', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({});
    await newProject(site, 'SMALL', 100);
    await newProject(site, 'LARGE', 1000);
  }, 60_000);
  afterAll(() => site.close());

  it('creating a threat decodes no shard under the lease and encodes as few at 3,000 records as at 300', async () => {
    const create = (model: ThreatModel) => addThreat(model, draft(5_000), actor).model;
    const small = await costOf(site, 'SMALL', create);
    const large = await costOf(site, 'LARGE', create);
    expect(small.shards).toBeLessThanOrEqual(2);
    expect(large.shards).toBeGreaterThanOrEqual(10);
    expect(small.decoded).toBe(0);
    expect(large.decoded).toBe(0);
    // The new record's own size check, the shard it lands in measured once, and that shard written.
    expect(large.encoded).toBe(small.encoded);
    expect(large.encoded).toBeLessThanOrEqual(3);
  });

  it('editing a threat in the middle of the model encodes only the shard that holds it', async () => {
    const edit = (id: string) => (model: ThreatModel) => {
      const threat = model.threats.find((t) => t.id === id) as Threat;
      return editThreat(model, id, threat.revision, { ...draft(1), title: `Edited ${id}` }, actor).model;
    };
    const small = await costOf(site, 'SMALL', edit('T-50'));
    const large = await costOf(site, 'LARGE', edit('T-500'));
    expect(small.decoded).toBe(0);
    expect(large.decoded).toBe(0);
    expect(large.encoded).toBe(small.encoded);
    expect(large.encoded).toBeLessThanOrEqual(3);
  });

  it('decodes a shard again once its stored value changes: a record broken by hand is reported and kept', async () => {
    const client = siteClient(site);
    await readThreatModel(client, 'SMALL');
    const key = 'without.model.shard.0';
    const property = site.store
      .all('projectProperty')
      .find((p) => p.key === key && site.store.get('project', p.projectId)?.key === 'SMALL')!;
    const shard = decodeShard(property.value);
    if ('error' in shard) throw new Error(shard.error);
    const broken = { ...(shard.entries[0] as object), probability: 9 };
    // Same revision, different data: only the exact stored value may reuse a decoding.
    const value = encodeShard([broken, ...shard.entries.slice(1)] as Threat[], shard.revision);
    expect((await restAs(site, 'alice')('PUT', `/rest/api/3/project/SMALL/properties/${key}`, value)).status).toBe(200);

    const again = await readThreatModel(client, 'SMALL');
    expect(again.problems).toEqual([expect.stringContaining('Threat T-1 in without.model.shard.0 is not valid')]);
    expect(again.model.threats.some((t) => t.id === 'T-1')).toBe(false);
    expect(again.shards.find((s) => s.index === 0)?.unreadable).toEqual([broken]);
  });
});
