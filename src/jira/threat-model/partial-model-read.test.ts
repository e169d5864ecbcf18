import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import {
  addEmptyProject,
  largeModelActor as actor,
  modelOfThreats,
  projectProperty as propertyOf,
  proseThreat as draft,
} from '../../../test/support/large-threat-model';
import { roundTrips } from '../../../test/support/round-trips';
import type { Threat } from '../../domain/threat-model/threat';
import { addThreat, editThreat, type ThreatModel } from '../../domain/threat-model/threat-model';
import { forgetKnownModel, KNOWN_MODEL_MAX_AGE_MS, knownModel, PARTIAL_READ_MIN_SHARDS } from './known-models';
import { lockKey } from './model-locks';
import { changeThreatModel, readModelForWrite, readThreatModel, TAKEOVER_GRACE_MS } from './threat-model-repository';
import { decodeShard, encodeShard, META_KEY, SHARD_PREFIX } from './threat-model-shards';

// An edit of a large model this instance knows reads the meta, its locks and the shards it may
// write, not the whole model (known-models.ts). What it must never do: act on a shard someone
// changed that it did not read, write over a value it did not read, or miss another writer's step.

const SITE = 'ari:cloud:ecosystem::installation/partial-read';
/** The shard keys each project-properties GET of `project` asked for, since `mark`. */
function askedShards(site: LocalSite, mark: number, project: string): string[][] {
  return site.log
    .since(mark)
    .filter((e) => e.method === 'GET' && e.path === `/rest/api/3/project/${project}`)
    .map((e) => {
      const list = new URLSearchParams(e.query.replace(/^\?/, '')).get('properties') ?? '';
      return list.split(',').filter((k) => k.startsWith(SHARD_PREFIX));
    });
}

const create = (n: number) => (model: ThreatModel) => {
  const added = addThreat(model, draft(n), actor);
  return { model: added.model, result: added.threat };
};

describe('an edit of a large model reads only what it may write', () => {
  let site: LocalSite;
  // The site as Forge names the installation: a process keeps what it knows of a model by site.
  const client = () => siteClient(site, undefined, SITE);
  const rest = () => restAs(site, 'alice');

  beforeAll(async () => {
    site = await startTestSite({});
    for (const key of ['BIG', 'TWO', 'REST', 'HAND', 'DEAD']) {
      addEmptyProject(site, key);
      await changeThreatModel(siteClient(site), key, 'seed', () => ({
        model: modelOfThreats(1300),
        result: undefined,
      }));
    }
  }, 120_000);
  afterAll(() => site.close());

  it('asks for three shards, not the whole model, and the model it builds is the one stored', async () => {
    const whole = await readThreatModel(client(), 'BIG');
    expect(whole.shards.length).toBeGreaterThanOrEqual(PARTIAL_READ_MIN_SHARDS);
    const mark = site.log.mark();
    const partly = await readModelForWrite(client(), 'BIG');
    const asked = askedShards(site, mark, 'BIG');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.length).toBeLessThanOrEqual(3);
    expect(partly.fresh).toBeDefined();
    expect(partly.model.threats.map((t) => t.id)).toEqual(whole.model.threats.map((t) => t.id));
    expect(partly.model.nextThreatNumber).toBe(whole.model.nextThreatNumber);

    const before = site.log.mark();
    const threat = await changeThreatModel(client(), 'BIG', 'test', create(9001));
    // The lease's read asked for a few shards; the write wrote the last one (and no other).
    expect(askedShards(site, before, 'BIG').flat().length).toBeLessThanOrEqual(3);
    const puts = site.log.since(before).filter((e) => e.method === 'PUT' && e.path.includes(SHARD_PREFIX));
    expect(puts).toHaveLength(1);
    forgetKnownModel(SITE, 'BIG');
    const after = await readThreatModel(client(), 'BIG');
    expect(after.model.threats.at(-1)).toEqual(threat);
    expect(after.model.threats).toHaveLength(whole.model.threats.length + 1);
    expect(after.problems).toEqual([]);
  });

  it("reads the rest when another instance wrote since, and never hands out that writer's id again", async () => {
    await readThreatModel(client(), 'TWO');
    // Another Forge instance: its own memory (another site key), the same Jira.
    const other = siteClient(site, undefined, 'another-instance');
    const theirs = await changeThreatModel(other, 'TWO', 'other', create(9100));
    const mark = site.log.mark();
    // Spans long enough to tell what ran side by side, even on a busy machine (measureCallAtScale).
    site.faults.configure({ latencyMs: 200 });
    const ours = await changeThreatModel(client(), 'TWO', 'test', create(9101)).finally(() =>
      site.faults.configure({ latencyMs: 0 }),
    );
    expect(Number(ours.id.slice(2))).toBe(Number(theirs.id.slice(2)) + 1);
    // Two reads: the part it knew to ask for, then the rest (the meta had moved)...
    expect(askedShards(site, mark, 'TWO').flat().length).toBeGreaterThan(PARTIAL_READ_MIN_SHARDS);
    // ...the rest beside the step's lock, taken on the meta already read: four round trips, as
    // when nothing moved (the read, the lock, the shard, the meta).
    expect(roundTrips(site.log.since(mark))).toBe(4);
    forgetKnownModel(SITE, 'TWO');
    const after = await readThreatModel(client(), 'TWO');
    expect(after.model.threats.slice(-2).map((t) => t.id)).toEqual([theirs.id, ours.id]);
  });

  it('refuses, writing nothing, an edit of a shard someone rewrote through the REST API that it did not read', async () => {
    const whole = await readThreatModel(client(), 'REST');
    const key = `${SHARD_PREFIX}0`;
    const stored = propertyOf(site, 'REST', key)!;
    const shard = decodeShard(stored.value);
    if ('error' in shard) throw new Error(shard.error);
    // Same revision, other data, the meta untouched: nothing tells the app but the value itself.
    const renamed = { ...(shard.entries[0] as Threat), title: 'Renamed through the REST API' };
    const value = encodeShard([renamed, ...shard.entries.slice(1)] as Threat[], shard.revision);
    expect((await rest()('PUT', `/rest/api/3/project/REST/properties/${key}`, value)).status).toBe(200);
    const metaBefore = propertyOf(site, 'REST', META_KEY)!.value;

    // The edit of T-1 did not name it before the read, so shard 0 was not read with the meta.
    const edit = (model: ThreatModel) => {
      const t = model.threats.find((x) => x.id === 'T-1')!;
      return {
        model: editThreat(model, 'T-1', t.revision, { ...draft(1), title: 'Edited in the app' }, actor).model,
        result: undefined,
      };
    };
    await expect(changeThreatModel(client(), 'REST', 'test', edit)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(propertyOf(site, 'REST', key)!.value).toEqual(value);
    expect(propertyOf(site, 'REST', META_KEY)!.value).toEqual(metaBefore);
    expect(whole.model.threats[0]!.title).not.toBe(renamed.title);

    // Tried again, the edit reads the whole model and acts on what is stored now.
    await changeThreatModel(client(), 'REST', 'test', edit);
    const after = await readThreatModel(client(), 'REST');
    expect(after.model.threats[0]!.title).toBe('Edited in the app');
    expect(after.model.threats[0]!.revision).toBe(renamed.revision + 1);
  });

  it('reads the shard of a record it names with the meta, and writes over no shard it did not read', async () => {
    await readThreatModel(client(), 'HAND');
    const key = `${SHARD_PREFIX}1`;
    const stored = propertyOf(site, 'HAND', key)!;
    const shard = decodeShard(stored.value);
    if ('error' in shard) throw new Error(shard.error);
    const id = (shard.entries[0] as Threat).id;
    // A record broken by hand in the named shard: read with the meta, so kept as it is.
    const broken = { ...(shard.entries[1] as Threat), probability: 9 };
    const value = encodeShard([shard.entries[0], broken, ...shard.entries.slice(2)] as Threat[], shard.revision);
    expect((await rest()('PUT', `/rest/api/3/project/HAND/properties/${key}`, value)).status).toBe(200);

    const mark = site.log.mark();
    const read = await readModelForWrite(client(), 'HAND', [], Date.now, { touching: [id] });
    expect(askedShards(site, mark, 'HAND')[0]).toContain(key);
    expect(read.problems).toEqual([expect.stringContaining(`Threat ${broken.id} in ${key} is not valid`)]);
    const edit = (model: ThreatModel) => {
      const t = model.threats.find((x) => x.id === id)!;
      return {
        model: editThreat(model, id, t.revision, { ...draft(2), title: 'Edited beside a broken one' }, actor).model,
        result: undefined,
      };
    };
    await changeThreatModel(client(), 'HAND', 'test', edit, { firstRead: Promise.resolve(read) });
    const written = decodeShard(propertyOf(site, 'HAND', key)!.value);
    if ('error' in written) throw new Error(written.error);
    expect(written.entries).toContainEqual(broken);
    expect(knownModel(SITE, 'HAND', Date.now())?.revision).toBe(read.metaRevision + 1);
  });

  it('takes over from a writer that died after writing a shard it did not ask for, building on what it wrote', async () => {
    const before = await readThreatModel(client(), 'DEAD');
    const from = before.metaRevision;
    const key = `${SHARD_PREFIX}2`;
    const shard = decodeShard(propertyOf(site, 'DEAD', key)!.value);
    if ('error' in shard) throw new Error(shard.error);
    const target = shard.entries[0] as Threat;
    const entries = shard.entries.map((e) =>
      e === target ? { ...target, title: 'Written by the holder that died' } : e,
    );
    // The dead writer held the step's lock and wrote shard 2; the meta never moved.
    const dead = { holder: 'crashed', expiresAt: Date.now() - TAKEOVER_GRACE_MS - 1_000 };
    expect((await rest()('PUT', `/rest/api/3/project/DEAD/properties/${lockKey(from)}`, dead)).status).toBe(201);
    await rest()(
      'PUT',
      `/rest/api/3/project/DEAD/properties/${key}`,
      encodeShard(entries as Threat[], shard.revision + 1),
    );

    // An edit of the record beside it: the shard is written again, from what the dead writer left.
    const neighbour = shard.entries[1] as Threat;
    await changeThreatModel(client(), 'DEAD', 'test', (model) => {
      const t = model.threats.find((x) => x.id === neighbour.id)!;
      const edited = editThreat(model, t.id, t.revision, { ...draft(3), title: 'Edited after the takeover' }, actor);
      return { model: edited.model, result: undefined };
    });
    forgetKnownModel(SITE, 'DEAD');
    const after = await readThreatModel(client(), 'DEAD');
    expect(after.model.threats.find((t) => t.id === target.id)?.title).toBe('Written by the holder that died');
    expect(after.model.threats.find((t) => t.id === neighbour.id)?.title).toBe('Edited after the takeover');
    expect(after.metaRevision).toBe(from + 1);
  });

  it('reads every shard again once what it knows was read whole more than ten minutes before', async () => {
    await readThreatModel(client(), 'BIG');
    const soon = site.log.mark();
    await readModelForWrite(client(), 'BIG', [], () => Date.now() + KNOWN_MODEL_MAX_AGE_MS - 60_000);
    expect(askedShards(site, soon, 'BIG').flat().length).toBeLessThanOrEqual(3);
    const late = site.log.mark();
    const whole = await readModelForWrite(client(), 'BIG', [], () => Date.now() + KNOWN_MODEL_MAX_AGE_MS + 60_000);
    expect(whole.fresh).toBeUndefined();
    expect(askedShards(site, late, 'BIG').flat().length).toBeGreaterThan(PARTIAL_READ_MIN_SHARDS);
  });
});
