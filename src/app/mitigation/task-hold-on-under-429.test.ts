import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { currentModelLockPath, modelLocksLeft } from '../../../test/support/model-locks-left';
import { MitigationDraft } from '../../domain/mitigation/mitigation';
import { addMitigation, findMitigation } from '../../domain/threat-model/threat-model';
import type { TransportResponse } from '../../jira/client/transport';
import { lockKey } from '../../jira/threat-model/model-locks';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { createTaskOnce } from './create-task-once';

// Creating a task claims it in the model, creates the issue, then records it, holding the model
// from the claim to the record: the claim's write creates the next step's lock beside its shards
// ("hold on"). A 429 on that one create used to end the hold silently: the record then took a
// turn of its own, and another session could claim and create a second task in between. Now the
// create is tried again, and a session that cannot have the lock stops before creating the issue.

const tooMany: TransportResponse = {
  status: 429,
  headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? '1' : null) },
  text: async () => JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
};

describe('creating a task when Jira answers 429 to the hold-on lock', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const addOne = async (title: string) => {
    const draft = MitigationDraft.parse({ title, addresses: [{ threatId: 'T-2', strength: 50 }] });
    return changeThreatModel(siteClient(site), 'PAY', 'test', (model) => {
      const added = addMitigation(model, draft, { accountId: '712020:alice', now: new Date().toISOString() });
      return { model: added.model, result: added.mitigation.id };
    });
  };
  const lockPath = (revision: number) => `/rest/api/3/project/PAY/properties/${lockKey(revision)}`;
  /** The app's client, answering 429 to the first `refusals` creates of the lock at `path`. */
  const refusing = (path: string, refusals: number) => {
    const seen = { creates: 0 };
    const app = hookedAppClient(site, (p, req, phase) => {
      if (phase !== 'before' || req.method !== 'PUT' || p !== path) return undefined;
      seen.creates++;
      return seen.creates <= refusals ? tooMany : undefined;
    });
    return { app, seen };
  };
  const issueCreates = (mark: number) =>
    site.log.since(mark).filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue');
  const tasksOf = async (mitigationId: string) =>
    ((
      await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
        jql: `project = PAY AND issue.property[without.task].mitigationId = "${mitigationId}"`,
        fields: ['summary'],
      })
    ).body?.issues as unknown[]) ?? [];

  it('tries the lock again and creates exactly one task, recorded under its claim', async () => {
    const id = await addOne('Rate-limit card authorisations');
    // The claim moves the model from the revision stored now to the next; the hold-on lock is that step's.
    const { app, seen } = refusing(lockPath(modelLocksLeft(site, 'PAY').revision + 1), 1);
    const mark = site.log.mark();
    const view = await createTaskOnce({ user: siteClient(site, '712020:bob'), app }, 'PAY', id, '712020:bob');
    expect(seen.creates).toBe(2);
    expect(issueCreates(mark)).toHaveLength(1);
    expect(await tasksOf(id)).toHaveLength(1);
    const stored = findMitigation((await readThreatModel(siteClient(site), 'PAY')).model, id);
    expect(stored.task?.key).toBe(view.task?.key);
    expect(stored.taskClaim).toBeUndefined();
    expect(modelLocksLeft(site, 'PAY').current).toBe(false);
  });

  it('gives the next step’s lock back when a shard write fails after it was created', async () => {
    const id = await addOne('Velocity checks per card');
    const next = lockPath(modelLocksLeft(site, 'PAY').revision + 1);
    const refused = (status: number): TransportResponse => ({
      status,
      headers: { get: () => null },
      text: async () => JSON.stringify({ errorMessages: ['Refused.'], errors: {} }),
    });
    // The next lock created (201), or refused for good (403), while the shard's write is refused (400).
    for (const nextLock of [undefined, 403]) {
      const app = hookedAppClient(site, (p, req, phase) => {
        if (phase !== 'before' || req.method !== 'PUT') return undefined;
        if (p === next && nextLock) return refused(nextLock);
        return p.includes('/properties/without.model.shard.') ? refused(400) : undefined;
      });
      const mark = site.log.mark();
      const creating = createTaskOnce({ user: siteClient(site, '712020:bob'), app }, 'PAY', id, '712020:bob');
      const failed = await creating.then(
        () => undefined,
        (error: unknown) => error,
      );
      const nextLeft = site.store.all('projectProperty').some((p) => next.endsWith(`/${p.key}`));
      // The failed step's own lock is kept until it expires (what was sent may be stored); the
      // test removes it (and any next lock), as a takeover would after its grace, to go on at once.
      await restAs(site, 'alice')('DELETE', currentModelLockPath(site, 'PAY'));
      await restAs(site, 'alice')('DELETE', next);
      expect(failed).toMatchObject({ kind: 'BAD_REQUEST' });
      expect(issueCreates(mark)).toEqual([]);
      expect(nextLeft).toBe(false);
    }
    expect(findMitigation((await readThreatModel(siteClient(site), 'PAY')).model, id).task).toBeNull();
  });

  it('stops before creating the issue when Jira keeps refusing, and a later try creates one task', async () => {
    const id = await addOne('Block card testing by BIN');
    const { app, seen } = refusing(lockPath(modelLocksLeft(site, 'PAY').revision + 1), 100);
    const mark = site.log.mark();
    await expect(
      createTaskOnce({ user: siteClient(site, '712020:bob'), app }, 'PAY', id, '712020:bob'),
    ).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
    expect(seen.creates).toBeGreaterThan(1);
    expect(issueCreates(mark)).toEqual([]);
    const claimed = findMitigation((await readThreatModel(siteClient(site), 'PAY')).model, id);
    expect([claimed.task, typeof claimed.taskClaim?.id]).toEqual([null, 'string']);
    // Nothing holds the model: the next writer is not kept waiting.
    expect(modelLocksLeft(site, 'PAY').current).toBe(false);
    await createTaskOnce({ user: siteClient(site, '712020:bob'), app: siteClient(site) }, 'PAY', id, '712020:bob');
    expect(await tasksOf(id)).toHaveLength(1);
  });
});
