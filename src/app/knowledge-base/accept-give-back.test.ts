import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient, hookedClient, type RequestHook } from '../../../test/support/hooked-client';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { modelLocksLeft } from '../../../test/support/model-locks-left';
import type { StoryView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import type { TransportResponse } from '../../jira/client/transport';
import { lockKey } from '../../jira/threat-model/model-locks';
import { resolver } from '../../index';
import { acceptSuggestion } from './accept-suggestion';

// The model's lock is tried beside the story's first attempt and given back when the story's is
// not taken. That give-back (a DELETE) must be over before the call answers, also when the call
// then fails: an answer while it is pending would let the instance be frozen with it unsent.

const PAY_3 = '10002';
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_3 }, project: { id: '10000', key: 'PAY' } };
const answer = (status: number): TransportResponse => ({
  status,
  headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? '1' : null) },
  text: async () => JSON.stringify({ errorMessages: ['Refused.'], errors: {} }),
});

describe('an accept whose story lock is not taken at first', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('answers only once the model lock it gave back is deleted, even when it then fails', async () => {
    const view = (await resolverCaller(site, resolver)('bob', 'story/get', {}, onIssue)) as Envelope<StoryView>;
    if (!view.ok) throw new Error(view.error.message);
    const modelLock = `/rest/api/3/project/PAY/properties/${lockKey(modelLocksLeft(site, 'PAY').revision)}`;
    const storyLocks = `/rest/api/3/issue/${PAY_3}/properties/without.lock.`;
    const seen = { storyCreates: 0, modelLockDeleted: false };
    const hook: RequestHook = async (path, request, phase) => {
      if (phase === 'after' && request.method === 'DELETE' && path === modelLock) seen.modelLockDeleted = true;
      if (phase !== 'before') return undefined;
      if (request.method === 'DELETE' && path === modelLock) await new Promise((resolve) => setTimeout(resolve, 500));
      // The story's first create is refused for the moment (429), the next for good (403).
      if (request.method === 'PUT' && path.startsWith(storyLocks) && !path.includes('.takeover.'))
        return answer(++seen.storyCreates === 1 ? 429 : 403);
      return undefined;
    };
    const accepted = acceptSuggestion(
      { user: hookedClient(site, hook, '712020:bob'), app: hookedAppClient(site, hook) },
      PAY_3,
      '712020:bob',
      { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-03', baseRevision: view.data.revision } as never,
      'PAY',
    );
    await expect(accepted).rejects.toBeDefined();
    expect(seen.storyCreates).toBe(2);
    expect(seen.modelLockDeleted).toBe(true);
  });
});
