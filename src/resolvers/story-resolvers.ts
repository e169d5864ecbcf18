import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { ClausesEdit, type StoryView } from '../domain/resolver-contract';
import { linkedThreatIds, readStoryClauses, storyClausesValue } from '../domain/story-clauses';
import type { ThreatModel } from '../domain/threat-model';
import { threatView, type ThreatView } from '../domain/threat-view';
import { canEditThreatModel, issuePermissions } from '../jira/access';
import { findAppFieldId } from '../jira/app-field';
import { deleteIssueProperty, getIssueProperty, putIssueProperty } from '../jira/issue-properties';
import type { JiraClient } from '../jira/jira-client';
import { withLease } from '../jira/property-lease';
import { readStory, writeStoryClauses, type StoryRecord } from '../jira/story-repository';
import { readThreatModel } from '../jira/threat-model-store';
import { appClient, userClient } from './clients';
import { issueIdOf } from './context-project';
import { defineResolver } from './define-resolver';

export const CLAUSES_FIELD_KEY = 'without-clauses';
const STORY_LOCK_KEY = 'without.lock';

interface StoryAccess {
  canEdit: boolean;
  canEditThreatModel: boolean;
}

function composeView(story: StoryRecord, value: unknown, model: ThreatModel, access: StoryAccess, extraProblems: string[]): StoryView {
  const stored = readStoryClauses(value);
  const threats: Record<string, ThreatView> = {};
  const problems = [...stored.problems, ...extraProblems];
  for (const id of linkedThreatIds(stored.clauses, stored.directThreatIds)) {
    const threat = model.threats.find((t) => t.id === id);
    if (threat) threats[id] = threatView(threat);
    else problems.push(`This story links ${id}, which is not in ${story.projectKey}'s threat model.`);
  }
  return {
    issueId: story.id,
    issueKey: story.key,
    summary: story.summary,
    projectKey: story.projectKey,
    clauses: stored.clauses,
    directThreatIds: stored.directThreatIds,
    threats,
    revision: stored.revision,
    ...access,
    problems,
  };
}

async function accessTo(user: JiraClient, issueId: string, projectKey: string, accountId: string, model: ThreatModel): Promise<StoryAccess> {
  const perms = await issuePermissions(user, issueId, ['EDIT_ISSUES', 'ADMINISTER_PROJECTS']);
  const editModel = await canEditThreatModel(user, appClient(), { projectKey, accountId, isProjectAdmin: perms.ADMINISTER_PROJECTS === true }, model.settings);
  return { canEdit: perms.EDIT_ISSUES === true, canEditThreatModel: editModel };
}

/** New links must point at active threats; links the story already had are kept as they are. */
function checkNewLinks(edit: ClausesEdit, before: string[], model: ThreatModel, projectKey: string): void {
  for (const id of linkedThreatIds(edit.clauses, edit.directThreatIds)) {
    if (before.includes(id)) continue;
    const threat = model.threats.find((t) => t.id === id);
    if (!threat) throw new AppError('BAD_REQUEST', `${id} is not in ${projectKey}'s threat model.`);
    if (threat.state === 'retired') throw new AppError('BAD_REQUEST', `${id} is retired and cannot be linked. Reactivate it in the threat model first.`);
  }
  const ids = edit.clauses.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw new AppError('BAD_REQUEST', 'Two clauses have the same id. Reload and try again.');
}

export function registerStoryResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'story/get', z.object({}), async ({ context }): Promise<StoryView> => {
    const issueId = issueIdOf(context);
    const user = userClient();
    const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
    const story = await readStory(user, issueId, fieldId);
    const stored = await readThreatModel(user, story.projectKey);
    const access = await accessTo(user, story.id, story.projectKey, context.accountId, stored.model);
    return composeView(story, story.clausesValue, stored.model, access, stored.problems);
  });

  defineResolver(resolver, 'story/save-clauses', ClausesEdit, async ({ payload, context }): Promise<StoryView> => {
    const issueId = issueIdOf(context);
    const user = userClient();
    const perms = await issuePermissions(user, issueId, ['EDIT_ISSUES']);
    if (!perms.EDIT_ISSUES) throw new AppError('FORBIDDEN', "You can't change this story's WITHOUT clauses: you don't have permission to edit it.");
    const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
    // The story's own lock property serializes saves of its clauses; Jira checks the person
    // may edit the issue on every write, as these are made as the person.
    const lock = {
      read: () => getIssueProperty(user, issueId, STORY_LOCK_KEY),
      create: (value: unknown) => putIssueProperty(user, issueId, STORY_LOCK_KEY, value),
      remove: () => deleteIssueProperty(user, issueId, STORY_LOCK_KEY),
    };
    const { story, value, model } = await withLease(lock, { holder: context.accountId }, async () => {
      const current = await readStory(user, issueId, fieldId);
      const before = readStoryClauses(current.clausesValue);
      if (before.revision !== payload.baseRevision) {
        throw new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes.");
      }
      const stored = await readThreatModel(user, current.projectKey);
      checkNewLinks(payload, linkedThreatIds(before.clauses, before.directThreatIds), stored.model, current.projectKey);
      const next = storyClausesValue(payload.clauses, payload.directThreatIds, before.revision + 1);
      await writeStoryClauses(user, current.id, fieldId, next);
      return { story: current, value: next, model: stored.model };
    });
    const access = await accessTo(user, story.id, story.projectKey, context.accountId, model);
    return composeView(story, value, model, access, []);
  });
}
