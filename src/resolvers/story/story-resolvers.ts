import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { ClausesEdit, type StoryView } from '../../domain/resolver-contract';
import { clausesField } from '../../jira/story/clauses-field';
import { userClient } from '../../jira/client/clients';
import { composeView, storyContext } from '../../app/story/story-view';
import { updateStoryClauses } from '../../app/story/update-story-clauses';
import { issueIdOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerStoryResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'story/get', z.object({}), async ({ context }): Promise<StoryView> => {
    const user = userClient();
    const field = await clausesField(user);
    const story = await storyContext(user, issueIdOf(context), context.accountId, field);
    return composeView(story, story.story.clausesValue);
  });

  defineResolver(resolver, 'story/save-clauses', ClausesEdit, async ({ payload, context }): Promise<StoryView> => {
    const issueId = issueIdOf(context);
    const user = userClient();
    const field = await clausesField(user);
    const value = await updateStoryClauses(
      user,
      issueId,
      context.accountId,
      (before) => {
        if (before.revision !== payload.baseRevision) {
          throw new AppError(
            'CONFLICT',
            "Someone else changed this story's WITHOUT clauses. Reload to see their changes.",
          );
        }
        return payload;
      },
      { replaceUnreadable: payload.replaceUnreadable === true },
    );
    const story = await storyContext(user, issueId, context.accountId, field);
    return composeView({ ...story, problems: [] }, value);
  });
}
