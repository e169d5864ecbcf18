import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { readStoryClauses, type StoryClauses } from '../../domain/story/story-clauses';
import { clausesField } from '../../jira/story/clauses-field';
import { readStory } from '../../jira/story/story-repository';
import { storyLockKey, storyLockWindow } from '../../jira/story/story-save-lock';
import { COLLECT_AFTER_MS, STALE_READ_MS } from '../../jira/threat-model/model-locks';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses, type ClausesChange } from './update-story-clauses';

// Saves of one story take turns by the clauses' revision (story-save-lock.ts): the story read
// before the lock is acted on only when creating without.lock.<its revision> answers 201. Two
// saves from one revision, a save whose read went stale, and a save that died halfway all end
// with every acknowledged clause stored.

const PAY_1 = '10000';
const adding =
  (id: string, text: string): ClausesChange =>
  (before: StoryClauses) => ({
    clauses: [...before.clauses, { id, text, threatIds: [] }],
    directThreatIds: before.directThreatIds,
  });

describe('saves of one story, keyed by revision', () => {
  let site: LocalSite;
  let jira: JiraClients;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    jira = { user: siteClient(site, '712020:alice'), app: siteClient(site) };
  });
  afterAll(() => site.close());

  const stored = async () => {
    const field = await clausesField(jira.user);
    return readStoryClauses((await readStory(jira.user, PAY_1, field.id)).clausesValue);
  };
  const lockPath = (revision: number) => `/rest/api/3/issue/${PAY_1}/properties/${storyLockKey(revision)}`;
  const withLocks = async (revision: number) => {
    const field = await clausesField(jira.user);
    return readStory(jira.user, PAY_1, field.id, storyLockWindow(revision));
  };

  it('lets one of two saves that read the same revision write; the other reads again, and both clauses are stored', async () => {
    const { revision } = await stored();
    const [a, b] = await Promise.all([withLocks(revision), withLocks(revision)]);
    const mark = site.log.mark();
    const now = Date.now();
    await Promise.all([
      updateStoryClauses(jira, PAY_1, 'alice', adding('c-race-a', 'my card read in transit (A)'), {
        storyRead: { story: Promise.resolve(a), readAt: now },
      }),
      updateStoryClauses(jira, PAY_1, 'bob', adding('c-race-b', 'my receipts read by others (B)'), {
        storyRead: { story: Promise.resolve(b), readAt: now },
      }),
    ]);
    const creates = site.log.since(mark).filter((r) => r.method === 'PUT' && r.path === lockPath(revision));
    expect(creates.map((r) => r.status).sort()).toEqual([200, 201]);
    const after = await stored();
    expect(after.revision).toBe(revision + 2);
    expect(after.clauses.map((c) => c.id)).toEqual(expect.arrayContaining(['c-race-a', 'c-race-b']));
  });

  it('does not act on a read older than the bound, even once the lock of its revision is gone', async () => {
    const { revision } = await stored();
    const stale = await withLocks(revision);
    await updateStoryClauses(jira, PAY_1, 'bob', adding('c-between', 'my order changed by someone else (B)'));
    await restAs(site, 'alice')('DELETE', lockPath(revision)); // as the collection does, minutes later
    await updateStoryClauses(jira, PAY_1, 'alice', adding('c-late', 'my address shown to others (A)'), {
      storyRead: { story: Promise.resolve(stale), readAt: Date.now() - STALE_READ_MS - 1 },
    });
    const ids = (await stored()).clauses.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['c-between', 'c-late']));
  });

  it('takes over the lock of a save that died long ago, and leaves one that expired moments ago', async () => {
    const { revision } = await stored();
    await restAs(site, 'alice')('PUT', lockPath(revision), { holder: 'slow', expiresAt: Date.now() - 1_000 });
    await expect(
      updateStoryClauses(jira, PAY_1, 'bob', adding('c-never', 'never stored'), { maxWaitMs: 300 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await restAs(site, 'alice')('PUT', lockPath(revision), { holder: 'crashed', expiresAt: Date.now() - 60_000 });
    await updateStoryClauses(jira, PAY_1, 'bob', adding('c-after-crash', 'my session taken over (B)'));
    const after = await stored();
    expect(after.clauses.map((c) => c.id)).toContain('c-after-crash');
    expect(after.clauses.map((c) => c.id)).not.toContain('c-never');
  });

  it('deletes the old locks it read with the story, once long expired, and keeps the new ones', async () => {
    const { revision } = await stored();
    const old = Date.now() - COLLECT_AFTER_MS - 60_000;
    await restAs(site, 'alice')('PUT', lockPath(revision - 2), { holder: 'done', expiresAt: old });
    await updateStoryClauses(jira, PAY_1, 'bob', adding('c-collect', 'my history rewritten (B)'), {
      baseRevision: revision,
    });
    const exists = async (n: number) => (await restAs(site, 'alice')('GET', lockPath(n))).status === 200;
    const keys: string[] = [];
    for (const n of [revision - 2, revision - 1, revision]) if (await exists(n)) keys.push(storyLockKey(n));
    expect(keys).not.toContain(storyLockKey(revision - 2));
    expect(keys).toContain(storyLockKey(revision - 1));
    expect(keys).toContain(storyLockKey(revision));
  });

  it('writes nothing when its change outlasted the lease (an accept waiting for the model): the lock is left to expire', async () => {
    const { revision, clauses } = await stored();
    let t = Date.now();
    const late: ClausesChange = (before) => {
      t += 25_000; // the change waited: less than the lease's fence is left
      return adding('c-outlasted', 'my receipts read by a late save')(before, undefined as never);
    };
    await expect(updateStoryClauses(jira, PAY_1, 'alice', late, { now: () => t })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Saving took too long'),
    });
    const after = await stored();
    expect(after.revision).toBe(revision);
    expect(after.clauses).toEqual(clauses);
  });
});
