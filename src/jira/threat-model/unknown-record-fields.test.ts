import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { saveThreatEdit } from './threat-edit-queue';
import { readThreatModel } from './threat-model-repository';
import { decodeShard, encodeShard, type ModelRecord } from './threat-model-shards';

// A record that parses used to be re-encoded from its parsed (zod-stripped) form whenever its
// shard was rewritten, so fields this version does not know were dropped when a neighbour was
// edited (found by an attacker's review). They are kept, also when the record itself is edited.

describe('fields of a stored record that the schema does not know', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('survive an edit of a neighbour in the same shard, and an edit of the record itself', async () => {
    const alice = restAs(site, 'alice');
    const raw = (await alice('GET', '/rest/api/3/project/PAY/properties/without.model.shard.0')).body?.value;
    const shard = decodeShard(raw) as { revision: number; entries: Array<Record<string, unknown>> };
    const entries = shard.entries.map((e) =>
      e.id === 'T-1' ? { ...e, reviewNote: 'kept by a newer app version' } : e,
    );
    expect(
      (
        await alice(
          'PUT',
          '/rest/api/3/project/PAY/properties/without.model.shard.0',
          encodeShard(entries as unknown as ModelRecord[], shard.revision),
        )
      ).status,
    ).toBe(200);
    const t2 = (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-2')!;
    await saveThreatEdit(
      siteClient(site),
      'PAY',
      {
        kind: 'update-threat',
        id: 'T-2',
        baseRevision: t2.revision,
        draft: {
          title: 'Renamed T-2',
          description: t2.description,
          stride: t2.stride,
          probability: t2.probability,
          impact: t2.impact,
          component: t2.component,
        },
      },
      { accountId: '712020:alice', now: new Date().toISOString() },
    );
    const after = decodeShard(
      (await alice('GET', '/rest/api/3/project/PAY/properties/without.model.shard.0')).body?.value,
    ) as { entries: Array<Record<string, unknown>> };
    expect(after.entries.find((e) => e.id === 'T-1')).toMatchObject({ reviewNote: 'kept by a newer app version' });
    expect(after.entries.find((e) => e.id === 'T-2')).toMatchObject({ title: 'Renamed T-2' });

    const t1 = (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-1')!;
    await saveThreatEdit(
      siteClient(site),
      'PAY',
      {
        kind: 'update-threat',
        id: 'T-1',
        baseRevision: t1.revision,
        draft: {
          title: 'Renamed T-1',
          description: t1.description,
          stride: t1.stride,
          probability: t1.probability,
          impact: t1.impact,
          component: t1.component,
        },
      },
      { accountId: '712020:alice', now: new Date().toISOString() },
    );
    const again = decodeShard(
      (await alice('GET', '/rest/api/3/project/PAY/properties/without.model.shard.0')).body?.value,
    ) as { entries: Array<Record<string, unknown>> };
    expect(again.entries.find((e) => e.id === 'T-1')).toMatchObject({
      title: 'Renamed T-1',
      reviewNote: 'kept by a newer app version',
    });
  });
});
