import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { readStoryClauses } from '../domain/story-clauses';
import type { StoryView } from '../domain/story-view';
import { findAppFieldId } from '../jira/app-field';
import { canEditIssue, readStory } from '../jira/story-repository';
import { defineResolver } from './define-resolver';
import { userClient } from './clients';

export const CLAUSES_FIELD_KEY = 'without-clauses';

export function registerStoryResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'story/get', z.object({}), async ({ context }): Promise<StoryView> => {
    const issueId = context.extension.issue?.id;
    if (!issueId) throw new AppError('BAD_REQUEST', 'This panel only works on an issue.');
    const jira = userClient();
    const fieldId = await findAppFieldId(jira, CLAUSES_FIELD_KEY);
    const [story, canEdit] = await Promise.all([readStory(jira, issueId, fieldId), canEditIssue(jira, issueId)]);
    const { clauses, problems } = readStoryClauses(story.clausesValue);
    return { issueId: story.id, issueKey: story.key, summary: story.summary, clauses, canEdit, problems };
  });
}
