import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { ClausesEdit, type StoryView, type TaskView, type ThreatRisk } from '../domain/resolver-contract';
import { asMitigations, threatRisk } from '../domain/threat-risk';
import { linkedThreatIds, readStoryClauses, storyClausesValue, type StoryClauses, type StoryClausesValue } from '../domain/story-clauses';
import type { ThreatModel } from '../domain/threat-model';
import { threatView, type ThreatView } from '../domain/threat-view';
import { canEditThreatModel, issuePermissions } from '../jira/access';
import { clausesField } from '../jira/app-field';
import { issueEntity } from '../jira/entity-properties';
import type { JiraClient } from '../jira/jira-client';
import { propertyLock, withLease } from '../jira/property-lease';
import { TaskProperty } from '../jira/mitigation-tasks';
import { liveModel, type LiveModel } from '../jira/project-risk';
import { readStory, storiesLinkedTo, writeStoryClauses, type StoryRecord } from '../jira/story-repository';
import { readThreatModel } from '../jira/threat-model-store';
import { appClient, userClient } from '../jira/clients';
import { issueIdOf } from './context-project';
import { defineResolver } from './define-resolver';


/** The app's clauses field on this site: its id for reads and writes, its name for JQL. */
const STORY_LOCK_KEY = 'without.lock';

interface StoryAccess {
  canEdit: boolean;
  canEditThreatModel: boolean;
  canCreateTasks: boolean;
}

interface StoryContext {
  story: StoryRecord;
  model: ThreatModel;
  live: LiveModel;
  access: StoryAccess;
  task: TaskView | null;
  problems: string[];
}

function composeView({ story, model, live, access, task, problems: extra }: StoryContext, value: unknown): StoryView {
  const stored = readStoryClauses(value);
  const threats: Record<string, ThreatView> = {};
  const risk: Record<string, ThreatRisk> = {};
  const problems = [...stored.problems, ...extra];
  const linked = linkedThreatIds(stored.clauses, stored.directThreatIds);
  const mitigations = asMitigations(live.mitigations);
  for (const id of linked) {
    const threat = model.threats.find((t) => t.id === id);
    if (!threat) {
      problems.push(`This story links ${id}, which is not in ${story.projectKey}'s threat model.`);
      continue;
    }
    threats[id] = threatView(threat);
    risk[id] = threatRisk(threat, mitigations);
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
    mitigations: live.mitigations.filter((m) => m.addresses.some((a) => linked.includes(a.threatId))),
    risk,
    task,
    ...access,
    problems,
  };
}

async function accessTo(user: JiraClient, issueId: string, projectKey: string, accountId: string, model: ThreatModel): Promise<StoryAccess> {
  const perms = await issuePermissions(user, issueId, ['EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES']);
  const editModel = await canEditThreatModel(user, appClient(), { projectKey, accountId, isProjectAdmin: perms.ADMINISTER_PROJECTS === true }, model.settings);
  return { canEdit: perms.EDIT_ISSUES === true, canEditThreatModel: editModel, canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true };
}

/** When the issue is a mitigation task: its mitigation, the threats it reduces, the stories it protects. */
async function taskView(user: JiraClient, story: StoryRecord, model: ThreatModel, live: LiveModel, field: { id: string; name: string }): Promise<TaskView | null> {
  const property = TaskProperty.safeParse(story.taskValue);
  if (!property.success) return null;
  const mitigation = live.mitigations.find((m) => m.id === property.data.mitigationId);
  if (!mitigation) return null;
  const mitigations = asMitigations(live.mitigations);
  const threats = mitigation.addresses.flatMap((a) => {
    const threat = model.threats.find((t) => t.id === a.threatId);
    return threat ? [{ ...threatView(threat), risk: threatRisk(threat, mitigations) }] : [];
  });
  const stories = await storiesLinkedTo(user, story.projectKey, field, threats.map((t) => t.id));
  return { issueKey: story.key, mitigation, threats, stories };
}

async function storyContext(user: JiraClient, issueId: string, accountId: string, field: { id: string; name: string }): Promise<StoryContext> {
  const story = await readStory(user, issueId, field.id);
  const stored = await readThreatModel(user, story.projectKey);
  const [live, access] = await Promise.all([liveModel(user, story.projectKey, stored.model), accessTo(user, story.id, story.projectKey, accountId, stored.model)]);
  const task = await taskView(user, story, stored.model, live, field);
  return { story, model: stored.model, live, access, task, problems: stored.problems };
}

/** New links must point at active threats; links the story already had are kept as they are. */
function checkNewLinks(edit: Pick<ClausesEdit, 'clauses' | 'directThreatIds'>, before: string[], model: ThreatModel, projectKey: string): void {
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
    const user = userClient();
    const field = await clausesField(user);
    const story = await storyContext(user, issueIdOf(context), context.accountId, field);
    return composeView(story, story.story.clausesValue);
  });

  defineResolver(resolver, 'story/save-clauses', ClausesEdit, async ({ payload, context }): Promise<StoryView> => {
    const issueId = issueIdOf(context);
    const user = userClient();
    const field = await clausesField(user);
    const value = await updateStoryClauses(user, issueId, context.accountId, (before) => {
      if (before.revision !== payload.baseRevision) {
        throw new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes.");
      }
      return payload;
    }, { replaceUnreadable: payload.replaceUnreadable === true });
    const story = await storyContext(user, issueId, context.accountId, field);
    return composeView({ ...story, problems: [] }, value);
  });
}

const UNREADABLE_CLAUSES =
  "This story's stored WITHOUT clauses cannot be read, so the app will not write over them. Restore them from the issue's history, or replace them with yours.";

/**
 * The story panel's view of a story, as the person: with the clauses value just written when
 * given (its stored problems are then gone), else with the stored one.
 */
export async function storyViewOf(user: JiraClient, issueId: string, accountId: string, written?: StoryClausesValue): Promise<StoryView> {
  const field = await clausesField(user);
  const story = await storyContext(user, issueId, accountId, field);
  return written === undefined ? composeView(story, story.story.clausesValue) : composeView({ ...story, problems: [] }, written);
}

/**
 * Changes a story's clauses as the person: their edit permission is checked first (and by
 * Jira on the write), the story's lock property serializes saves, new links must point at
 * active threats, and the revision grows by one.
 */
export async function updateStoryClauses(
  user: JiraClient,
  issueIdOrKey: string,
  holder: string,
  change: (before: StoryClauses) => Pick<ClausesEdit, 'clauses' | 'directThreatIds'>,
  options: { replaceUnreadable?: boolean } = {},
): Promise<StoryClausesValue> {
  const perms = await issuePermissions(user, issueIdOrKey, ['EDIT_ISSUES']);
  if (!perms.EDIT_ISSUES) throw new AppError('FORBIDDEN', "You can't change this story's WITHOUT clauses: you don't have permission to edit it.");
  const { id: fieldId } = await clausesField(user);
  return withLease(propertyLock(user, issueEntity(issueIdOrKey), STORY_LOCK_KEY), { holder }, async () => {
    const current = await readStory(user, issueIdOrKey, fieldId);
    const before = readStoryClauses(current.clausesValue);
    // A value the app cannot read is kept unless the person, having seen the problem, chose to
    // replace it with what they wrote: no link, fix or suggestion silently writes over it.
    if (before.problems.length > 0 && !options.replaceUnreadable) throw new AppError('INVALID_DATA', UNREADABLE_CLAUSES);
    const edit = change(before);
    const stored = await readThreatModel(user, current.projectKey);
    checkNewLinks(edit, linkedThreatIds(before.clauses, before.directThreatIds), stored.model, current.projectKey);
    const next = storyClausesValue(edit.clauses, edit.directThreatIds, before.revision + 1);
    await writeStoryClauses(user, current.id, fieldId, next);
    return next;
  });
}
