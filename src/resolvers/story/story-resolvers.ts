import type Resolver from '@forge/resolver';
import { saveStoryClauses } from '../../app/story/save-story-clauses';
import { storyChanges } from '../../app/story/story-changes';
import { storyViewOf } from '../../app/story/story-view';
import { callClients } from '../call-clients';
import { issueIdOf, projectHintOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerStoryResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'story/get', ({ context }) =>
    storyViewOf(callClients(), issueIdOf(context), context.accountId, undefined, projectHintOf(context)),
  );

  // The panel's refresh: whether what it shows moved, before it reads the story again.
  defineResolver(resolver, 'story/changes', ({ payload, context }) =>
    storyChanges(callClients(), issueIdOf(context), payload),
  );

  defineResolver(resolver, 'story/save-clauses', ({ payload, context }) =>
    saveStoryClauses(callClients(), issueIdOf(context), context.accountId, payload, projectHintOf(context)),
  );
}
