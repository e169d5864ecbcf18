import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { addThreat, emptyThreatModel } from '../../domain/threat-model/threat-model';
import { STATUS_KEY } from '../audit/audit-repository';
import { readThreatModel } from './threat-model-repository';
import { encodeShard, LOCK_KEY, META_KEY, SHARD_PREFIX } from './threat-model-shards';

// Issue 20: a model of 5,000 threats and 10,000 mitigations (146 shards in the bench) is read in
// ONE request, and that request's URL stays short enough for the servers between Forge and Jira
// (see FIRST_READ_LIST_CHARS: Atlassian documents no limit, 8 KB for the request line and
// headers together is the common one).

const URL_BUDGET = 5_000;
const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };
const draft = {
  title: 'Card data read in transit',
  description: '',
  stride: ['I' as const],
  probability: 3,
  impact: 4,
  component: 'API',
};

describe('the first read of the threat model', () => {
  let site: LocalSite;
  let projectId: number;

  /** The project's model alone: a meta that lists `indices`, each shard holding one threat of its own. */
  const storeShards = (indices: number[]) => {
    for (const p of site.store.all('projectProperty'))
      if (p.projectId === projectId) site.store.delete('projectProperty', `${projectId}/${p.key}`);
    const put = (key: string, value: unknown) =>
      site.store.put('projectProperty', `${projectId}/${key}`, { projectId, key, value });
    const threat = (n: number) => ({ ...addThreat(emptyThreatModel(), draft, actor).threat, id: `T-${n}` });
    for (const [n, index] of indices.entries()) put(`${SHARD_PREFIX}${index}`, encodeShard([threat(n + 1)], 1));
    put(META_KEY, {
      v: 1,
      nextThreatNumber: indices.length + 1,
      nextMitigationNumber: 1,
      settings: emptyThreatModel().settings,
      revision: 1,
      shards: indices,
    });
  };

  const read = async (extraKeys: string[] = []) => {
    const mark = site.log.mark();
    const stored = await readThreatModel(siteClient(site), 'WIDE', extraKeys);
    return { stored, requests: site.log.since(mark) };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    projectId = site.store.next('project', 30000);
    site.store.put('project', projectId, { id: projectId, key: 'WIDE', name: 'WIDE', leadAccountId: '712020:alice' });
  });
  afterAll(() => site.close());

  it('reads 192 shards (some 6,500 threats) in one request whose URL stays under 5,000 characters', async () => {
    storeShards(Array.from({ length: 192 }, (_, i) => i));
    const { stored, requests } = await read();
    expect(stored.problems).toEqual([]);
    expect(stored.model.threats).toHaveLength(192);
    expect(requests).toHaveLength(1);
    const url = `${requests[0]!.path}${requests[0]!.query}`;
    expect(url.length).toBeLessThan(URL_BUDGET);
  });

  it('keeps the URL within the budget when the read also asks other keys, the shards left over coming next', async () => {
    storeShards(Array.from({ length: 192 }, (_, i) => i));
    const extras = [STATUS_KEY, LOCK_KEY, 'without.model.queue.0f8fad5b-d9cb-469f-a165-70867728950e'];
    const { stored, requests } = await read(extras);
    expect(stored.model.threats).toHaveLength(192);
    for (const r of requests) expect(`${r.path}${r.query}`.length).toBeLessThan(URL_BUDGET);
    // The extra keys pushed the last shards out of the first request: they come in one more.
    expect(requests).toHaveLength(2);
    expect(requests[1]!.query).toContain(encodeURIComponent(`${SHARD_PREFIX}191`));
  });

  it('reads a shard past the first request with one more request, and only then', async () => {
    storeShards([0, 150, 191, 250]);
    const { stored, requests } = await read();
    expect(stored.model.threats.map((t) => t.id)).toEqual(['T-1', 'T-2', 'T-3', 'T-4']);
    expect(requests).toHaveLength(2);
    expect(decodeURIComponent(requests[1]!.query)).toBe(`?properties=${SHARD_PREFIX}250`);
  });
});
