import { readStoryClauses, linkedThreatIds } from '../../domain/story/story-clauses';
import type { StorySeen, StoryView, TaskView, ThreatRisk } from '../../contract';
import { taskEvidence } from '../../domain/mitigation/task-evidence';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { clausesField, sprintFieldId } from '../../jira/story/clauses-field';
import type { JiraClient } from '../../jira/client/jira-client';
import { TaskProperty } from '../../jira/mitigation/mitigation-task-repository';
import type { LiveModel } from '../../jira/threat-model/project-risk';
import { readStory, storiesLinkedTo, type StoryRecord } from '../../jira/story/story-repository';
import type { StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import { issuePermissionsOf, mayEditThreatModel, tasksByIdOf, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { plannedLiveModel } from '../threat-model/planned-live-model';
import { storySeenOf } from './story-changes-seen';
import { rememberViewTasks } from './view-task-memory';
import type { SavedClauses } from './update-story-clauses';

// The story panel's view of a story, read as the person: its clauses, the threats they link with
// their risk, the mitigations, and, when the issue is a mitigation task the model records, its task view.

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
  seen: StorySeen | null;
}

function composeView(
  { story, model, live, access, task, problems: extra, seen }: StoryContext,
  value: unknown,
): StoryView {
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
    risk[id] = threatRisk(threat, mitigations, model.settings.risk);
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
    seen,
  };
}

/** What the person may do here: their issue permissions (one request) and whether they may edit the model. */
async function accessTo(
  jira: JiraClients,
  issueId: string,
  projectKey: string,
  accountId: string,
  model: ThreatModel,
): Promise<StoryAccess> {
  const perms = issuePermissionsOf(jira, issueId);
  const isAdmin = perms.then((p) => p.ADMINISTER_PROJECTS === true);
  const [answer, editModel] = await Promise.all([
    perms,
    mayEditThreatModel(jira, { projectKey, accountId, isAdmin }, model.settings),
  ]);
  return {
    canEdit: answer.EDIT_ISSUES === true,
    canEditThreatModel: editModel,
    canCreateTasks: answer.CREATE_ISSUES === true && answer.LINK_ISSUES === true,
  };
}

/**
 * When the issue is a mitigation task: its mitigation, the threats it reduces, the stories it
 * protects (searched while the tasks' statuses are read).
 */
async function taskView(
  user: JiraClient,
  story: StoryRecord,
  model: ThreatModel,
  live: Promise<LiveModel>,
  field: { id: string; name: string },
): Promise<TaskView | null> {
  const property = TaskProperty.safeParse(story.taskValue);
  if (!property.success) return null;
  // Anyone who may edit the issue may write that property: only the model's record counts.
  if (
    !taskEvidence(
      model,
      story.projectKey,
      { id: story.id, key: story.key, projectKey: story.projectKey },
      property.data,
    ).recorded
  )
    return null;
  const recorded = model.mitigations.find((m) => m.id === property.data.mitigationId);
  if (!recorded) return null;
  const threatIds = recorded.addresses.map((a) => a.threatId).filter((id) => model.threats.some((t) => t.id === id));
  const [current, stories] = await Promise.all([live, storiesLinkedTo(user, story.projectKey, field, threatIds)]);
  const mitigation = current.mitigations.find((m) => m.id === recorded.id);
  if (!mitigation) return null;
  const mitigations = asMitigations(current.mitigations);
  const threats = mitigation.addresses.flatMap((a) => {
    const threat = model.threats.find((t) => t.id === a.threatId);
    return threat ? [{ ...threatView(threat), risk: threatRisk(threat, mitigations, model.settings.risk) }] : [];
  });
  return { issueKey: story.key, mitigation, threats, stories };
}

/**
 * The issue ids of the tasks the view shows: those of the mitigations that address a threat the
 * clauses link or, when the issue is a mitigation task, a threat its mitigation reduces. Read by
 * id, they cost one request per hundred, not a search through every task of the project.
 */
function viewTaskIds(model: ThreatModel, story: StoryRecord, clausesValue: unknown): string[] {
  const stored = readStoryClauses(clausesValue);
  const threatIds = new Set(linkedThreatIds(stored.clauses, stored.directThreatIds));
  const own = model.mitigations.find((m) => m.task?.id === story.id);
  for (const a of own?.addresses ?? []) threatIds.add(a.threatId);
  return model.mitigations
    .filter((m) => m.task !== null && m.addresses.some((a) => threatIds.has(a.threatId)))
    .map((m) => m.task!.id);
}

/**
 * The part of the model the view shows: the threats the story links (for a task, also its
 * mitigation's), the mitigations of those threats (a threat's risk depends on its own mitigations
 * only) and the task's own. Its live view then costs what the story shows, not the whole model
 * (10,000 mitigations' views and the project's risk at the bench's largest size).
 */
function shownPart(model: ThreatModel, story: StoryRecord, clausesValue: unknown): ThreatModel {
  const stored = readStoryClauses(clausesValue);
  const threatIds = new Set(linkedThreatIds(stored.clauses, stored.directThreatIds));
  const property = TaskProperty.safeParse(story.taskValue);
  const recordedId = property.success ? property.data.mitigationId : undefined;
  const own = (m: ThreatModel['mitigations'][number]) => m.id === recordedId || m.task?.id === story.id;
  for (const m of model.mitigations) if (own(m)) for (const a of m.addresses) threatIds.add(a.threatId);
  return {
    ...model,
    threats: model.threats.filter((t) => threatIds.has(t.id)),
    mitigations: model.mitigations.filter((m) => own(m) || m.addresses.some((a) => threatIds.has(a.threatId))),
  };
}

/**
 * The tasks the view shows (see viewTaskIds), with their Sprint field in the same request: the
 * planned risk counts an accepted mitigation whose task sits in an open sprint (isPlanned), as the
 * project page does. The field's id comes from the site's field list, which the call has read
 * already for the clauses field (cached): no request more. No Jira Software, no sprints.
 */
async function viewTasks(jira: JiraClients, model: ThreatModel, story: StoryRecord, clausesValue: unknown) {
  const ids = viewTaskIds(model, story, clausesValue);
  rememberViewTasks(jira.app.tenant, story.id, ids);
  const sprintField = ids.length > 0 ? await sprintFieldId(jira.user).catch(() => undefined) : undefined;
  return tasksByIdOf(jira, story.projectKey, ids, sprintField);
}

/**
 * Starts the reads the view needs once the story and its model are known (the project's tasks,
 * whether the person may edit the model): a save starts them while it writes.
 */
export function startStoryViewReads(
  jira: JiraClients,
  story: StoryRecord,
  stored: StoredThreatModel,
  accountId: string,
  clausesValue: unknown = story.clausesValue,
): void {
  void accessTo(jira, story.id, story.projectKey, accountId, stored.model).catch(() => undefined);
  void viewTasks(jira, stored.model, story, clausesValue).catch(() => undefined);
}

/**
 * The story panel's view of a story, as the person: with the clauses value just saved (and the
 * story read under the save's lease) when given (its stored problems are then gone), else with
 * the stored one (of the story this call read already, when given). The issue, the person's
 * permissions and the model of the panel's project are read together, then the tasks, the model
 * editors and, for a task, its stories, together: two round trips (three when the panel names no
 * project, or another one than the issue's).
 */
export async function storyViewOf(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  saved?: { story: StoryRecord; value?: SavedClauses['value'] },
  projectHint?: string,
): Promise<StoryView> {
  const { user } = jira;
  void issuePermissionsOf(jira, issueId).catch(() => undefined); // read with the issue; awaited in accessTo
  // The panel's project (frontend input) is read with the issue; used only if the issue is in it.
  if (projectHint && jira.memo && !saved) void threatModelOf(jira, projectHint).catch(() => undefined);
  const field = await clausesField(user);
  const story = saved?.story ?? (await readStory(user, issueId, field.id));
  const stored = await threatModelOf(jira, story.projectKey);
  const value = saved?.value ?? story.clausesValue;
  const tasks = viewTasks(jira, stored.model, story, value);
  // The mitigations the view shows with the live statuses and sprints of their tasks.
  const live = tasks.then((read) => plannedLiveModel(read, shownPart(stored.model, story, value)));
  const [current, access, task, read] = await Promise.all([
    live,
    accessTo(jira, story.id, story.projectKey, accountId, stored.model),
    taskView(user, story, stored.model, live, field),
    tasks,
  ]);
  // What the panel's refresh asks story/changes about: what this view was built from.
  const seen = storySeenOf(
    { projectKey: story.projectKey, revision: readStoryClauses(value).revision, modelRevision: stored.metaRevision },
    viewTaskIds(stored.model, story, value),
    read,
  );
  const context: StoryContext = {
    story,
    model: stored.model,
    live: current,
    access,
    task,
    problems: saved?.value ? [] : stored.problems,
    seen,
  };
  return composeView(context, value);
}
