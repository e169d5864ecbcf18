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
import { readThreatModel, withModelLease, type ModelChange } from './threat-model-repository';

// A session that holds on creates the next step's lock beside its shards. Jira may store that
// create and still answer 500 (and then fail the read that would withdraw it): the lock is there,
// carrying the try's token. Later tries must not fail on it with a 200 and leave it behind: once
// the meta moves, it is the CURRENT lock and every writer waits for it to expire.

const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };
const rename =
  (id: string, title: string): ModelChange<string> =>
  (model: ThreatModel) => ({ model: applyThreatEdit(model, renameEdit(model, id, title), actor).model, result: title });
const answer = (status: number): TransportResponse => ({
  status,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['Internal server error.'], errors: {} }),
});

describe('the next step’s lock, stored but answered 500', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  /** The app's client: the first create of `path` is stored and answered 500; reads of it fail `failedReads` times; later creates answer `laterCreates` when set; the first `failedDeletes` deletes answer 503 (not applied). */
  const losingAnswers = (path: string, failedReads: number, laterCreates?: number, failedDeletes = 0) => {
    const seen = { creates: 0, reads: 0, deletes: 0 };
    const app = hookedAppClient(site, async (p, req, phase) => {
      if (phase !== 'before' || p !== path) return undefined;
      if (req.method === 'GET' && ++seen.reads <= failedReads) return answer(500);
      if (req.method === 'DELETE' && ++seen.deletes <= failedDeletes) return answer(503);
      if (req.method !== 'PUT') return undefined;
      if (++seen.creates === 1) {
        await restAs(site, 'alice')('PUT', path, JSON.parse(req.body!));
        return answer(500);
      }
      return laterCreates ? answer(laterCreates) : undefined;
    });
    return { app, seen };
  };
  const titles = async (...ids: string[]) => {
    const { model } = await readThreatModel(siteClient(site), 'PAY');
    return ids.map((id) => model.threats.find((t) => t.id === id)!.title);
  };

  it('takes its own stored lock on the next try and holds the model through the session', async () => {
    const next = `/rest/api/3/project/PAY/properties/${lockKey(modelLocksLeft(site, 'PAY').revision + 1)}`;
    const { app, seen } = losingAnswers(next, 1);
    await withModelLease(app, 'PAY', 'alice', async (session) => {
      await session.change(async (model) => ({ ...(await rename('T-2', 'Claimed (held on)')(model)), holdOn: true }));
      await session.change(rename('T-3', 'Recorded (held on)'));
    });
    expect(seen.creates).toBe(2);
    expect(await titles('T-2', 'T-3')).toEqual(['Claimed (held on)', 'Recorded (held on)']);
    expect(modelLocksLeft(site, 'PAY').current).toBe(false);
  });

  it('deletes the lock it could not hold before moving the meta, so no writer waits for it', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const next = `/rest/api/3/project/PAY/properties/${lockKey(from + 1)}`;
    const { app, seen } = losingAnswers(next, 100, 429);
    await expect(
      withModelLease(app, 'PAY', 'alice', async (session) => {
        await session.change(async (model) => ({ ...(await rename('T-4', 'Claimed (stopped)')(model)), holdOn: true }));
      }),
    ).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    // Every later try read the lock first and failed there (then tried to read it to withdraw):
    // 1 + 3 tries x 2 reads, and no create wrote over it.
    expect([seen.creates, seen.reads]).toEqual([1, 7]);
    const left = modelLocksLeft(site, 'PAY');
    expect([left.revision, left.current]).toEqual([from + 1, false]);
    expect(await titles('T-4')).toEqual(['Claimed (stopped)']);
  });

  it('sends that delete again when Jira answers 503: nobody else can create that lock before the meta moves', async () => {
    const from = modelLocksLeft(site, 'PAY').revision;
    const next = `/rest/api/3/project/PAY/properties/${lockKey(from + 1)}`;
    const { app, seen } = losingAnswers(next, 100, 429, 1);
    await expect(
      withModelLease(app, 'PAY', 'alice', async (session) => {
        await session.change(async (model) => ({ ...(await rename('T-5', 'Claimed (503)')(model)), holdOn: true }));
      }),
    ).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    expect(seen.deletes).toBe(2);
    const left = modelLocksLeft(site, 'PAY');
    expect([left.revision, left.current]).toEqual([from + 1, false]);
  });
});
