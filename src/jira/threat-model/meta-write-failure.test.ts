import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { modelLocksLeft } from '../../../test/support/model-locks-left';
import { renameEdit } from '../../../test/support/threat-edits';
import { applyThreatEdit } from '../../domain/threat-model/threat-edit';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { TransportResponse } from '../client/transport';
import { lockKey } from './model-locks';
import { changeThreatModel, readThreatModel, type ModelChange } from './threat-model-repository';
import { META_KEY, shardKey } from './threat-model-shards';

// A model write stores its shards, then its meta. Under Jira's rate limits the meta's PUT could
// run out of the client's retries after the shards were stored: the edit was then told as failed
// although every reader saw it ("stored while told failed"), and the step's lock stayed the
// current one (a shard that ran out left that lock too). Shards are sent again as they are. Nobody else may move the meta from the step's revision while its lock is held, so a
// declined PUT is sent again; one whose answer was lost is sent again only once a read shows the
// meta still at that revision (stored, it may have been moved on by the next writer already). When
// it still cannot be written, a change the shards hold entirely is answered as saved.

const actor = { accountId: '712020:alice', now: '2026-12-03T06:00:00.000Z' };
const rename =
  (id: string, title: string): ModelChange<string> =>
  (model: ThreatModel) => ({ model: applyThreatEdit(model, renameEdit(model, id, title), actor).model, result: title });
const declined: TransportResponse = {
  status: 429,
  headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? '0' : null) },
  text: async () => JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
};
const metaPath = `/rest/api/3/project/PAY/properties/${META_KEY}`;
/** The meta read on its own (readModelRevision): the project with that one property. */
const isMetaRead = (path: string, method: string) =>
  method === 'GET' && path === `/rest/api/3/project/PAY?properties=${META_KEY}`;

describe('the meta of a model write declined past the client’s retries', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  /** The app's client: the first `times` PUTs of the meta are answered 429 (not applied). */
  const decliningMeta = (times: number) => {
    const seen = { metaPuts: 0, metaReads: 0 };
    const app = hookedAppClient(site, (p, req, phase) => {
      if (phase !== 'before' || !p.startsWith('/rest/api/3/project/PAY')) return undefined;
      if (isMetaRead(p, req.method)) seen.metaReads++;
      if (p !== metaPath || req.method !== 'PUT') return undefined;
      return ++seen.metaPuts <= times ? declined : undefined;
    });
    return { app, seen };
  };
  const title = async (id: string) =>
    (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === id)!.title;

  it('is sent again until it is stored: the edit is saved and its step made', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const { app, seen } = decliningMeta(5);
    await expect(changeThreatModel(app, 'PAY', 'alice', rename('T-2', 'Renamed (meta declined)'))).resolves.toBe(
      'Renamed (meta declined)',
    );
    expect(seen).toEqual({ metaPuts: 6, metaReads: 0 }); // declined, so not applied: nothing to read first
    const left = modelLocksLeft(site, 'PAY');
    expect([left.revision, left.current]).toEqual([from + 1, false]);
    expect(await title('T-2')).toBe('Renamed (meta declined)');
  });

  it('never stored, with the change held by the shards alone: answered as saved, the lock left to expire', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const { app, seen } = decliningMeta(Infinity);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(changeThreatModel(app, 'PAY', 'alice', rename('T-3', 'Renamed (meta never stored)'))).resolves.toBe(
      'Renamed (meta never stored)',
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('its meta is not'));
    warn.mockRestore();
    expect(seen.metaPuts).toBe(10);
    expect(await title('T-3')).toBe('Renamed (meta never stored)');
    // The step's lock was written under, so it is not deleted: it is the current one until taken over.
    const left = modelLocksLeft(site, 'PAY');
    expect([left.revision, left.current]).toEqual([from, true]);
    await restAs(site, 'alice')('DELETE', `/rest/api/3/project/PAY/properties/${lockKey(from)}`);
  });

  it('never stored, with a change the meta carries (a new threat’s number): told as failed', async () => {
    const { app } = decliningMeta(Infinity);
    const create: ModelChange<string> = (model) => ({
      model: {
        ...model,
        threats: [...model.threats, { ...model.threats[0]!, id: `T-${model.nextThreatNumber}`, revision: 1 }],
        nextThreatNumber: model.nextThreatNumber + 1,
      },
      result: 'created',
    });
    await expect(changeThreatModel(app, 'PAY', 'alice', create)).rejects.toMatchObject({ kind: 'RATE_LIMITED' });
    const { revision } = modelLocksLeft(site, 'PAY');
    await restAs(site, 'alice')('DELETE', `/rest/api/3/project/PAY/properties/${lockKey(revision)}`);
  });

  it('stored but answered 500, and moved on by another writer since: read, not sent again over theirs', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const seen = { metaPuts: 0, metaReads: 0 };
    const app = hookedAppClient(site, async (p, req, phase) => {
      if (phase === 'before' && isMetaRead(p, req.method)) seen.metaReads++;
      if (phase !== 'before' || p !== metaPath || req.method !== 'PUT' || ++seen.metaPuts > 1) return undefined;
      // Jira stores the meta, then the answer is lost; the next writer takes the next step at once.
      const meta = JSON.parse(req.body!) as { revision: number };
      await restAs(site, 'alice')('PUT', metaPath, meta);
      await restAs(site, 'alice')('PUT', metaPath, { ...meta, revision: meta.revision + 1 });
      return { ...declined, status: 500, headers: { get: () => null } };
    });
    await expect(changeThreatModel(app, 'PAY', 'alice', rename('T-4', 'Renamed (answer lost)'))).resolves.toBe(
      'Renamed (answer lost)',
    );
    expect(seen).toEqual({ metaPuts: 1, metaReads: 1 });
    expect(modelLocksLeft(site, 'PAY').revision).toBe(from + 2);
    expect(await title('T-4')).toBe('Renamed (answer lost)');
  });

  it('a shard declined past the client’s retries is sent again too: the edit is saved and its step made', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const shardPath = `/rest/api/3/project/PAY/properties/${shardKey(0)}`;
    let shardPuts = 0;
    // The client tries a request 8 times: 9 declines spend a whole call and the first try of the next.
    const app = hookedAppClient(site, (p, req, phase) =>
      phase === 'before' && p === shardPath && req.method === 'PUT' && ++shardPuts <= 9 ? declined : undefined,
    );
    await expect(changeThreatModel(app, 'PAY', 'alice', rename('T-5', 'Renamed (shard declined)'))).resolves.toBe(
      'Renamed (shard declined)',
    );
    expect(shardPuts).toBe(10);
    const left = modelLocksLeft(site, 'PAY');
    expect([left.revision, left.current]).toEqual([from + 1, false]);
    expect(await title('T-5')).toBe('Renamed (shard declined)');
  });
});
