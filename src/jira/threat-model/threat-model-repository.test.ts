import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { ThreatDraft } from '../../domain/threat-model/threat';
import { addThreat, editThreat } from '../../domain/threat-model/threat-model';
import { changeThreatModel, readThreatModel } from './threat-model-repository';
import { SHARD_LIMIT, SHARD_PREFIX, decodeShard, encodeShard } from './threat-model-shards';
import { prose } from '../../../test/support/prose';
import { modelLocksLeft } from '../../../test/support/model-locks-left';

const actor = { accountId: '712020:alice', now: '2026-11-23T10:00:00.000Z' };
const draft = (n: number): ThreatDraft => ({
  title: `Threat ${n}: ${prose(n, 60)}`,
  description: prose(n + 100_000, 400),
  stride: ['S', 'I'],
  probability: 3,
  impact: 4,
  component: 'Payment API',
});

async function seedThreats(site: LocalSite, project: string, count: number): Promise<void> {
  await changeThreatModel(siteClient(site), project, 'test', (model) => {
    let next = model;
    for (let i = 1; i <= count; i++) next = addThreat(next, draft(i), actor).model;
    return { model: next, result: undefined };
  });
}

async function newProject(site: LocalSite, key: string): Promise<void> {
  const id = site.store.next('project', 20000);
  site.store.put('project', id, { id, key, name: key, leadAccountId: '712020:alice' });
}

describe('the threat model in project properties', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    await newProject(site, 'BIG');
    await newProject(site, 'MID');
    await newProject(site, 'RACE');
    await newProject(site, 'FAR');
  });
  afterAll(() => site.close());

  it('round-trips 1,000 threats across shards that each stay under 32 KB', async () => {
    await seedThreats(site, 'BIG', 1000);
    const { model, shards, problems } = await readThreatModel(siteClient(site), 'BIG');
    expect(problems).toEqual([]);
    expect(model.threats).toHaveLength(1000);
    expect(model.threats.map((t) => t.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `T-${i + 1}`));
    expect(model.threats[999]).toMatchObject(draft(1000));
    expect(model.nextThreatNumber).toBe(1001);
    const stored = site.store
      .all('projectProperty')
      .filter((p) => p.key.startsWith(SHARD_PREFIX) && site.store.get('project', p.projectId)?.key === 'BIG');
    expect(stored.length).toBe(shards.length);
    expect(stored.length).toBeGreaterThan(3);
    for (const p of stored) expect(JSON.stringify(p.value).length).toBeLessThanOrEqual(32_768);
  });

  it('reads a model in ONE request, whatever its number of threats and shards', async () => {
    await seedThreats(site, 'MID', 50);
    const count = async () => {
      const mark = site.log.mark();
      const { model, shards } = await readThreatModel(siteClient(site), 'MID');
      return { threats: model.threats.length, shards: shards.length, requests: site.log.since(mark).length };
    };
    const at50 = await count();
    await changeThreatModel(siteClient(site), 'MID', 'test', (model) => {
      let next = model;
      for (let i = 51; i <= 200; i++) next = addThreat(next, draft(i), actor).model;
      return { model: next, result: undefined };
    });
    const at200 = await count();
    console.log(
      `read threat model: 50 threats -> ${at50.requests} requests, 200 threats -> ${at200.requests} requests (${at200.shards} shards)`,
    );
    expect(at200.threats).toBe(200);
    // One GET of the project with the meta and the shards as properties.
    expect(at200.shards).toBeGreaterThan(1);
    expect(at50.requests).toBe(1);
    expect(at200.requests).toBe(1);
  });

  it('reads shards beyond the first 192 with one more request', async () => {
    await seedThreats(site, 'FAR', 3);
    const project = site.store.all('project').find((p) => p.key === 'FAR')!;
    const metaId = `${project.id}/without.model`;
    const meta = site.store.get('projectProperty', metaId)!;
    const far = encodeShard(
      [{ ...(await readThreatModel(siteClient(site), 'FAR')).model.threats[0]!, id: 'T-90', revision: 1 }],
      1,
    );
    site.store.put('projectProperty', `${project.id}/${SHARD_PREFIX}200`, {
      projectId: project.id,
      key: `${SHARD_PREFIX}200`,
      value: far,
    });
    site.store.put('projectProperty', metaId, { ...meta, value: { ...(meta.value as object), shards: [0, 200] } });

    const mark = site.log.mark();
    const { model, problems } = await readThreatModel(siteClient(site), 'FAR');
    expect(problems).toEqual([]);
    expect(model.threats.map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-3', 'T-90']);
    expect(site.log.since(mark).map((r) => r.path)).toEqual(['/rest/api/3/project/FAR', '/rest/api/3/project/FAR']);
  });

  it('keeps both edits when two people change two different threats at the same time', async () => {
    await seedThreats(site, 'RACE', 30);
    const edit = (id: string, title: string, who: string) =>
      changeThreatModel(siteClient(site), 'RACE', who, (model) => {
        const { model: next, threat } = editThreat(model, id, 1, { ...draft(1), title }, { ...actor, accountId: who });
        return { model: next, result: threat };
      });
    await Promise.all([
      edit('T-3', 'Edited by alice', '712020:alice'),
      edit('T-27', 'Edited by bob', '712020:bob'),
      edit('T-15', 'Edited by carol', '712020:carol'),
    ]);
    const { model } = await readThreatModel(siteClient(site), 'RACE');
    expect(model.threats.find((t) => t.id === 'T-3')).toMatchObject({ title: 'Edited by alice', revision: 2 });
    expect(model.threats.find((t) => t.id === 'T-27')).toMatchObject({ title: 'Edited by bob', revision: 2 });
    expect(model.threats.find((t) => t.id === 'T-15')).toMatchObject({ title: 'Edited by carol', revision: 2 });
    // Each edit's step left its lock for collection; none holds the step from the revision now stored.
    const locks = modelLocksLeft(site, 'RACE');
    expect(locks).toMatchObject({ current: false, single: false });
    expect(locks.left).toEqual(expect.arrayContaining([locks.revision - 3, locks.revision - 2, locks.revision - 1]));
    expect(locks.left.every((r) => r >= (locks.floor ?? 0) && r < locks.revision)).toBe(true);
  });

  it('refuses the second of two edits of the same threat made from the same revision', async () => {
    const edit = (title: string) =>
      changeThreatModel(siteClient(site), 'RACE', title, (model) => {
        const { model: next, threat } = editThreat(model, 'T-8', 1, { ...draft(8), title }, actor);
        return { model: next, result: threat };
      });
    const results = await Promise.allSettled([edit('First save'), edit('Second save')]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone else changed T-8'),
    });
    const { model } = await readThreatModel(siteClient(site), 'RACE');
    const saved = (fulfilled[0] as PromiseFulfilledResult<{ title: string }>).value.title;
    expect(model.threats.find((t) => t.id === 'T-8')).toMatchObject({ title: saved, revision: 2 });
  });

  it('reports values someone broke through the REST API, still reads the rest, and never overwrites them', async () => {
    const alice = restAs(site, 'alice');
    const broken = { v: 2, revision: 1, encoding: 'deflate-base64', data: 'not deflate' };
    await alice('PUT', `/rest/api/3/project/BIG/properties/${SHARD_PREFIX}1`, broken);
    // A few KB stored that inflate to 2 MB: no valid shard does (the packer keeps each under 1 MB inflated).
    const bomb = {
      v: 2,
      revision: 1,
      encoding: 'deflate-base64',
      data: deflateRawSync(Buffer.from(JSON.stringify(['a'.repeat(2_000_000)]))).toString('base64'),
    };
    expect(JSON.stringify(bomb).length).toBeLessThan(SHARD_LIMIT);
    await alice('PUT', `/rest/api/3/project/BIG/properties/${SHARD_PREFIX}2`, bomb);
    const shard0 = site.store
      .all('projectProperty')
      .find((p) => p.key === `${SHARD_PREFIX}0` && p.projectId === 10000)!;
    const decoded = decodeShard(shard0.value);
    if ('error' in decoded) throw new Error(decoded.error);
    await alice(
      'PUT',
      `/rest/api/3/project/PAY/properties/${SHARD_PREFIX}0`,
      encodeShard([...decoded.entries, { id: 'T-77', title: 5 }] as never[], decoded.revision),
    );

    const big = await readThreatModel(siteClient(site), 'BIG');
    expect(big.problems).toEqual([
      'The threat model shard without.model.shard.1 is not valid and was ignored: the data is not deflated JSON. The app will not write over it.',
      'The threat model shard without.model.shard.2 is not valid and was ignored: the records inflate to more than 1,048,576 bytes. The app will not write over it.',
    ]);
    expect(big.unreadable).toEqual([1, 2]);
    expect(big.model.threats.length).toBeGreaterThan(600);
    expect(big.model.threats.length).toBeLessThan(1000);
    const pay = await readThreatModel(siteClient(site), 'PAY');
    expect(pay.problems).toEqual([
      'Threat T-77 in without.model.shard.0 is not valid and is not shown (title: Invalid input: expected string, received number); the app keeps it as it is.',
    ]);
    expect(pay.model.threats).toHaveLength(12);

    // An edit of a neighbour in the same shard writes the broken record back unchanged.
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
      ...editThreat(model, 'T-2', model.threats.find((t) => t.id === 'T-2')!.revision, draft(2), actor),
      result: undefined,
    }));
    const rewritten = decodeShard(
      (await alice('GET', `/rest/api/3/project/PAY/properties/${SHARD_PREFIX}0`)).body?.value,
    );
    if ('error' in rewritten) throw new Error(rewritten.error);
    expect(rewritten.entries).toContainEqual({ id: 'T-77', title: 5 });
    expect((await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-2')?.title).toBe(
      draft(2).title,
    );

    await changeThreatModel(siteClient(site), 'BIG', 'test', (model) => ({
      ...addThreat(model, draft(1), actor),
      result: undefined,
    }));
    expect((await alice('GET', `/rest/api/3/project/BIG/properties/${SHARD_PREFIX}1`)).body?.value).toEqual(broken);
    expect((await alice('GET', `/rest/api/3/project/BIG/properties/${SHARD_PREFIX}2`)).body?.value).toEqual(bomb);
    expect((await readThreatModel(siteClient(site), 'BIG')).model.threats.map((t) => t.id)).toContain('T-1001');
  });

  it('refuses every write while the meta cannot be read, and says so, instead of restarting the settings and counters', async () => {
    await newProject(site, 'META');
    await seedThreats(site, 'META', 3);
    const alice = restAs(site, 'alice');
    const broken = { v: 1, nextThreatNumber: 'four', settings: { editorRoleIds: ['10004'] }, revision: 3 };
    await alice('PUT', '/rest/api/3/project/META/properties/without.model', broken);
    const stored = await readThreatModel(siteClient(site), 'META');
    expect(stored.model.threats).toHaveLength(3);
    expect(stored.problems[0]).toMatch(
      /^The threat model's settings and id counters \(project property without.model\) cannot be read at nextThreatNumber: .*read only until a Jira administrator restores or deletes that property/,
    );
    const write = changeThreatModel(siteClient(site), 'META', 'test', (model) => ({
      ...addThreat(model, draft(9), actor),
      result: undefined,
    }));
    await expect(write).rejects.toMatchObject({ code: 'INVALID_DATA', message: stored.problems[0] });
    expect((await alice('GET', '/rest/api/3/project/META/properties/without.model')).body?.value).toEqual(broken);
    expect((await readThreatModel(siteClient(site), 'META')).model.threats).toHaveLength(3);
  });
});

describe('id counters', () => {
  it('never hand out an id a stored record has, even after the meta was deleted', async () => {
    const site = await startTestSite({ demo: true });
    try {
      await restAs(site, 'alice')('DELETE', '/rest/api/3/project/PAY/properties/without.model');
      const { model } = await readThreatModel(siteClient(site), 'PAY');
      expect(model.threats.map((t) => t.id)).toContain('T-12');
      expect(model.nextThreatNumber).toBe(13);
      expect(model.nextMitigationNumber).toBe(6);
    } finally {
      await site.close();
    }
  });
});
