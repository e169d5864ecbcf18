import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { renameEdit } from '../../../test/support/threat-edits';
import { applyThreatEdit } from '../../domain/threat-model/threat-edit';
import { heldByDecodings } from './decoded-shards';
import { changeThreatModel, readThreatModel } from './threat-model-repository';
import { SHARD_DECODED_LIMIT, shardKey } from './threat-model-shards';

// Shards written through the REST API by someone else are input. A 1.4 KB value can deflate from
// half a million entries, or from one entry nested 400,000 levels deep: each must read as one
// shard that is not valid (kept, never written over), with the rest of the model shown, and must
// not make the instance hold what it inflated to.

const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };
const shardOf = (json: string) => ({
  v: 2,
  revision: 1,
  encoding: 'deflate-base64',
  data: deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64'),
});

describe('a shard written to exhaust the reader', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const many = `[${Array.from({ length: 520_000 }, () => '0').join(',')}]`;
  const deep = `[${'['.repeat(400_000)}${']'.repeat(400_000)}]`;

  it.each([
    ['520,000 entries', many, /holds 520,000 entries, more than a shard can/],
    ['an entry nested 400,000 levels', deep, /nest more than 64 levels deep/],
  ])('reads a shard of %s as not valid, shows the rest, and never writes over it', async (_, json, why) => {
    expect(Buffer.byteLength(json)).toBeLessThan(SHARD_DECODED_LIMIT);
    const before = await readThreatModel(siteClient(site), 'PAY');
    const index = Math.max(...before.shards.map((s) => s.index)) + 5;
    const hostile = shardOf(json);
    expect(JSON.stringify(hostile).length).toBeLessThan(3_000);
    const path = `/rest/api/3/project/PAY/properties/${shardKey(index)}`;
    expect((await restAs(site, 'alice')('PUT', path, hostile)).status).toBe(201);
    const heldBefore = heldByDecodings();

    const read = await readThreatModel(siteClient(site), 'PAY');
    expect(read.model.threats.map((t) => t.id)).toEqual(before.model.threats.map((t) => t.id));
    expect(read.unreadable).toEqual([index]);
    const told = read.problems.filter((p) => p.includes(shardKey(index)));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(why);
    expect(told[0]).toContain('is not valid and was ignored');
    // Nothing of what it inflated to is kept: a value that is not a valid shard is never remembered.
    expect(heldByDecodings() - heldBefore).toBeLessThan(100_000);

    await changeThreatModel(siteClient(site), 'PAY', 'alice', (model) => ({
      model: applyThreatEdit(model, renameEdit(model, 'T-2', `Renamed beside ${index}`), actor).model,
      result: undefined,
    }));
    expect((await restAs(site, 'alice')('GET', path)).body?.value).toEqual(hostile);
    const after = await readThreatModel(siteClient(site), 'PAY');
    expect(after.model.threats.find((t) => t.id === 'T-2')?.title).toBe(`Renamed beside ${index}`);
    await restAs(site, 'alice')('DELETE', path);
  });

  it('tells a few of a shard’s unreadable entries one by one, and counts the rest in one problem', async () => {
    const before = await readThreatModel(siteClient(site), 'PAY');
    const index = Math.max(...before.shards.map((s) => s.index)) + 6;
    const entries = Array.from({ length: 1_500 }, (_, i) => ({ id: `T-${900_000 + i}`, title: 5 }));
    const path = `/rest/api/3/project/PAY/properties/${shardKey(index)}`;
    expect((await restAs(site, 'alice')('PUT', path, shardOf(JSON.stringify(entries)))).status).toBe(201);
    const read = await readThreatModel(siteClient(site), 'PAY');
    const told = read.problems.filter((p) => p.includes(shardKey(index)));
    expect(told).toHaveLength(6);
    expect(told[5]).toBe(
      `And 1,495 more entries in ${shardKey(index)} are not valid and are not shown; the app keeps them as they are.`,
    );
    expect(read.shards.find((s) => s.index === index)?.unreadable).toHaveLength(1_500);
    await restAs(site, 'alice')('DELETE', path);
  });
});
