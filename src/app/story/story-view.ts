import { readStoryClauses, linkedThreatIds, type StoryClausesValue } from '../../domain/story/story-clauses';
import type { StoryView, TaskView, ThreatRisk } from '../../contract';
import { taskEvidence } from '../../domain/mitigation/task-evidence';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { canEditThreatModel, issuePermissions } from '../../jira/client/permissions';
import { clausesField } from '../../jira/story/clauses-field';
import type { JiraClient } from '../../jira/client/jira-client';
import { TaskProperty } from '../../jira/mitigation/mitigation-task-repository';
import { liveModel, type LiveModel } from '../../jira/threat-model/project-risk';
import { readStory, storiesLinkedTo, type StoryRecord } from '../../jira/story/story-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';

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

async function accessTo(
  { user, app }: JiraClients,
  issueId: string,
  projectKey: string,
  accountId: string,
  model: ThreatModel,
): Promise<StoryAccess> {
  const perms = await issuePermissions(user, issueId, [
    'EDIT_ISSUES',
    'ADMINISTER_PROJECTS',
    'CREATE_ISSUES',
    'LINK_ISSUES',
  ]);
  const editModel = await canEditThreatModel(
    user,
    app,
    { projectKey, accountId, isProjectAdmin: perms.ADMINISTER_PROJECTS === true },
    model.settings,
  );
  return {
    canEdit: perms.EDIT_ISSUES === true,
    canEditThreatModel: editModel,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
  };
}

/** When the issue is a mitigation task: its mitigation, the threats it reduces, the stories it protects. */
async function taskView(
  user: JiraClient,
  story: StoryRecord,
  model: ThreatModel,
  live: LiveModel,
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
  const mitigation = live.mitigations.find((m) => m.id === property.data.mitigationId);
  if (!mitigation) return null;
  const mitigations = asMitigations(live.mitigations);
  const threats = mitigation.addresses.flatMap((a) => {
    const threat = model.threats.find((t) => t.id === a.threatId);
    return threat ? [{ ...threatView(threat), risk: threatRisk(threat, mitigations) }] : [];
  });
  const stories = await storiesLinkedTo(
    user,
    story.projectKey,
    field,
    threats.map((t) => t.id),
  );
  return { issueKey: story.key, mitigation, threats, stories };
}

async function storyContext(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  field: { id: string; name: string },
): Promise<StoryContext> {
  const { user } = jira;
  const story = await readStory(user, issueId, field.id);
  const stored = await readThreatModel(user, story.projectKey);
  const [live, access] = await Promise.all([
    liveModel(user, story.projectKey, stored.model),
    accessTo(jira, story.id, story.projectKey, accountId, stored.model),
  ]);
  const task = await taskView(user, story, stored.model, live, field);
  return { story, model: stored.model, live, access, task, problems: stored.problems };
}

/**
 * The story panel's view of a story, as the person: with the clauses value just written when
 * given (its stored problems are then gone), else with the stored one.
 */
export async function storyViewOf(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  written?: StoryClausesValue,
): Promise<StoryView> {
  const field = await clausesField(jira.user);
  const story = await storyContext(jira, issueId, accountId, field);
  return written === undefined
    ? composeView(story, story.story.clausesValue)
    : composeView({ ...story, problems: [] }, written);
}
