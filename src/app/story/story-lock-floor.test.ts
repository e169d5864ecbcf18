import type { LocalSite } from '../../../local/site/server';
import { hookedClient } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { readStoryClauses, type StoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../../jira/client/jira-client';
import type { TransportResponse } from '../../jira/client/transport';
import { clausesField } from '../../jira/story/clauses-field';
import { readStory } from '../../jira/story/story-repository';
import { STORY_LOCK_FLOOR_KEY, storyLockKey, storyLockKeysForBulkRead } from '../../jira/story/story-save-lock';
import { COLLECT_AFTER_MS } from '../../jira/threat-model/model-locks';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses, type ClausesChange } from './update-story-clauses';

// A story's save reads the locks of the few revisions before its own, and deletes those long
// expired. A story saved more often than that within five minutes has locks that leave the window
// before they may be deleted: the story keeps a floor (the lowest that may remain), so a later
// save deletes them once they are due (found in review: they stayed for good). A delete that fails
// keeps the floor at that lock. The floor is set by the story's own edit (Edit issue's `properties`),
// which can set a property but not delete one: "no floor" is stored as { floor: null }.

const PAY_1 = '10000';
const adding =
  (id: string): ClausesChange =>
  (before: StoryClauses) => ({
    clauses: [...before.clauses, { id, text: `my card read in transit (${id})`, threatIds: [] }],
    directThreatIds: before.directThreatIds,
  });
const unavailable: TransportResponse = {
  status: 503,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['Service unavailable.'], errors: {} }),
};

describe("a story's old save locks", () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const alice = () => restAs(site, 'alice');
  const lockPath = (n: number) => `/rest/api/3/issue/${PAY_1}/properties/${storyLockKey(n)}`;
  const floorPath = `/rest/api/3/issue/${PAY_1}/properties/${STORY_LOCK_FLOOR_KEY}`;
  const revision = async () => {
    const field = await clausesField(siteClient(site, '712020:alice'));
    return readStoryClauses((await readStory(siteClient(site, '712020:alice'), PAY_1, field.id)).clausesValue).revision;
  };
  const save = async (id: string, user = siteClient(site, '712020:alice')) => {
    const jira: JiraClients = { user, app: siteClient(site) };
    await updateStoryClauses(jira, PAY_1, 'alice', adding(id), { baseRevision: await revision() });
  };
  const locksLeft = async (from: number, to: number) => {
    const left: number[] = [];
    for (let n = from; n <= to; n++) if ((await alice()('GET', lockPath(n))).status === 200) left.push(n);
    return left;
  };
  const storedFloor = async () => {
    const answer = await alice()('GET', floorPath);
    return answer.status === 200 ? (answer.body?.value as { floor: number | null }).floor : undefined;
  };
  /** Five minutes pass for the locks of these revisions (their expiry moved back). */
  const age = async (from: number, to: number) => {
    const old = Date.now() - COLLECT_AFTER_MS - 60_000;
    for (let n = from; n <= to; n++)
      await alice()('PUT', lockPath(n), { holder: 'done', token: `t${n}`, expiresAt: old });
  };

  it('keeps a floor while saves outrun the window, deletes every old lock once due, then drops the floor', async () => {
    const r0 = await revision();
    for (let i = 0; i < 7; i++) await save(`c-burst-${i}`);
    expect(await locksLeft(r0, r0 + 6)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => r0 + i));
    expect(await storedFloor()).toBe(r0);

    await age(r0, r0 + 6);
    await save('c-after');
    expect(await locksLeft(r0, r0 + 7)).toEqual([r0 + 7]);
    expect(await storedFloor()).toBeNull();
  });

  it('keeps the floor at a lock whose delete failed, and a later save deletes it', async () => {
    const r0 = await revision();
    for (let i = 0; i < 6; i++) await save(`c-again-${i}`);
    expect(await storedFloor()).toBe(r0 - 1); // the lock the last test's save kept
    await age(r0 - 1, r0 + 5);
    await save('c-refused', refusingDelete(site, lockPath(r0)));
    expect(await locksLeft(r0 - 1, r0 + 6)).toEqual([r0, r0 + 6]);
    expect(await storedFloor()).toBe(r0);

    await age(r0 + 6, r0 + 6);
    await save('c-later');
    expect(await locksLeft(r0 - 1, r0 + 7)).toEqual([r0 + 7]);
    expect(await storedFloor()).toBeNull();
  });

  // An accept reads the story through bulkfetch, which returns at most five issue properties: only
  // the locks of its revision and the next (storyLockKeysForBulkRead). It deletes no old lock, and
  // the floor it stores keeps the locks it did not read within a later save's reach.
  it('an accept-style read of fewer lock keys keeps the unread ones in reach, and a later save deletes them', async () => {
    const user = siteClient(site, '712020:alice');
    const saveOnBulkRead = async (id: string) => {
      const rev = await revision();
      const keys = storyLockKeysForBulkRead(rev);
      const story = readStory(user, PAY_1, (await clausesField(user)).id, keys);
      const jira: JiraClients = { user, app: siteClient(site) };
      await updateStoryClauses(jira, PAY_1, 'alice', adding(id), {
        baseRevision: rev,
        storyRead: { story, readAt: Date.now(), keys },
      });
    };
    const r0 = await revision();
    for (let i = 0; i < 6; i++) await saveOnBulkRead(`c-bulk-${i}`);
    expect(await locksLeft(r0, r0 + 5)).toEqual([0, 1, 2, 3, 4, 5].map((i) => r0 + i));
    expect(await storedFloor()).toBe(r0 - 4); // nothing read below: anything from there may remain

    await age(r0 - 4, r0 + 5);
    await save('c-after-bulk');
    expect(await locksLeft(r0 - 4, r0 + 6)).toEqual([r0 + 6]);
    expect(await storedFloor()).toBeNull();
  });
});

/** alice's client, Jira answering 503 to every DELETE of `path` (the client's retries spent). */
const refusingDelete = (site: LocalSite, path: string): JiraClient =>
  hookedClient(
    site,
    (p, request, phase) => (phase === 'before' && request.method === 'DELETE' && p === path ? unavailable : undefined),
    '712020:alice',
  );
