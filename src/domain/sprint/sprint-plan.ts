import type { MitigationView } from '../mitigation/mitigation-view';
import type { ThreatRisk } from '../threat-model/threat-risk';
import type { PullInItem, SprintMitigation, SprintStory, SprintThreat, SprintWarning, TaskPlace } from './sprint-view';
import { pushTo } from '../common/group-by';
import { mitigationsByThreat } from '../threat-model/residual-risk';
import type { RiskSettings } from '../threat-model/risk-settings';
import { linkedThreatIds } from '../story/story-clauses';
import type { Threat } from '../threat-model/threat';
import { asMitigations, threatRisk } from '../threat-model/threat-risk';
import { threatView } from '../threat-model/threat-view';
import { storyCoverage, type StoryCoverage } from '../audit/story-coverage';
import { afterSprint, pullIn } from './sprint-pull-in';

export { STORY_KEYS_SHOWN } from './sprint-pull-in';

/**
 * Where a task is: a known sprint (with its name when the search returned it), some other
 * open sprint (an ids-only search tells that much, and no more), or no sprint.
 */
export type TaskSprint =
  | { sprintId: number; sprintName?: string; sprintState?: 'active' | 'future' | 'closed' }
  | { sprintId: null }
  | { sprintId: 'other-open' };

export interface SprintPlanInput {
  sprintId: number;
  stories: SprintStory[];
  threats: Threat[];
  /** Mitigations with their tasks' live status. */
  mitigations: MitigationView[];
  /** Where each task is, by task id. */
  taskSprints: Map<string, TaskSprint>;
  /** The project's risk settings: which controls count, and its tolerance. */
  risk: RiskSettings;
}

export interface SprintPlan {
  threats: Record<string, SprintThreat>;
  mitigations: SprintMitigation[];
  pullIn: PullInItem[];
  warnings: SprintWarning[];
  risk: { now: number; afterSprint: number; planned: number; tolerance: number };
  /** The sprint's counted stories with clauses out of those that need them. */
  coverage: StoryCoverage;
}

const IN_PLACE = new Set(['implemented', 'existing']);

function placeOf(
  m: MitigationView,
  sprintId: number,
  taskSprints: Map<string, TaskSprint>,
): { place: TaskPlace; otherSprintName?: string } {
  if (IN_PLACE.has(m.status) || m.task?.categoryKey === 'done') return { place: 'done' };
  if (!m.task) return { place: 'not-created' };
  const where = taskSprints.get(m.task.id);
  if (!where || where.sprintId === null) return { place: 'backlog' };
  if (where.sprintId === sprintId) return { place: 'this-sprint' };
  if (where.sprintId === 'other-open') return { place: 'other-sprint' };
  if (where.sprintState !== 'closed')
    return { place: 'other-sprint', ...(where.sprintName ? { otherSprintName: where.sprintName } : {}) };
  return { place: 'backlog' };
}

/**
 * Whether a task not done sits in an open sprint: this one (the view plans open sprints), or
 * another open one. The project page asks Jira the same (tasksInOpenSprints), so the planned
 * risk of both is one figure (isPlanned).
 */
function inOpenSprint(task: { id: string } | null, input: SprintPlanInput): boolean {
  const where = task ? input.taskSprints.get(task.id) : undefined;
  if (!where || where.sprintId === null) return false;
  if (where.sprintId === 'other-open' || where.sprintId === input.sprintId) return true;
  return where.sprintState !== undefined && where.sprintState !== 'closed';
}

function sprintThreat(threat: Threat, risk: ThreatRisk): SprintThreat {
  const { id, title, stride, probability, impact, component, state, severity, source, revision } = threatView(threat);
  return { id, title, stride, probability, impact, component, state, severity, source, revision, risk };
}

/**
 * The security work of a sprint, from its stories' WITHOUT clauses: their threats, the
 * mitigations of those threats and where their tasks are, what to pull in (most risk removed
 * first), what is missing, and the project's risk if every task in the sprint gets done.
 */
export function planSprint(input: SprintPlanInput): SprintPlan {
  const active = new Map(input.threats.filter((t) => t.state === 'active').map((t) => [t.id, t]));
  const storiesByThreat = new Map<string, string[]>();
  for (const story of input.stories) {
    for (const id of linkedThreatIds(story.clauses, story.directThreatIds)) pushTo(storiesByThreat, id, story.issueKey);
  }
  const all = asMitigations(input.mitigations).map((m) =>
    inOpenSprint(m.task, input) ? { ...m, taskInOpenSprint: true } : m,
  );
  const byThreat = mitigationsByThreat(all);
  const threats: SprintPlan['threats'] = {};
  for (const id of storiesByThreat.keys()) {
    const threat = active.get(id);
    if (threat) threats[id] = sprintThreat(threat, threatRisk(threat, byThreat.get(id) ?? [], input.risk));
  }
  const relevant = input.mitigations.filter(
    (m) => m.status !== 'rejected' && m.addresses.some((a) => a.threatId in threats),
  );
  const mitigations: SprintMitigation[] = relevant.map((m) => ({
    id: m.id,
    title: m.title,
    controlType: m.controlType,
    addresses: m.addresses,
    status: m.status,
    storedStatus: m.storedStatus,
    task: m.task,
    rejectionReason: m.rejectionReason,
    ...placeOf(m, input.sprintId, input.taskSprints),
  }));
  const after = afterSprint(input.threats, all, mitigations, input.risk);
  return {
    threats,
    mitigations,
    pullIn: pullIn(
      mitigations,
      { threats, active, all: byThreat, byId: new Map(all.map((m) => [m.id, m])), settings: input.risk, after },
      storiesByThreat,
    ),
    warnings: warnings(input.stories, threats, new Set(relevant.flatMap((m) => m.addresses.map((a) => a.threatId)))),
    risk: after.risk,
    coverage: storyCoverage(
      input.stories
        .filter((s) => s.counted)
        .map((s) => ({ hasClauses: s.clauses.length > 0, matched: s.needsModeling !== undefined })),
    ),
  };
}

function warnings(stories: SprintStory[], threats: SprintPlan['threats'], mitigated: Set<string>): SprintWarning[] {
  const result: SprintWarning[] = [];
  for (const story of stories) {
    // Counted, no clause, matched by the rules: the story itself is the gap (see story-need-checks).
    if (story.needsModeling && story.clauses.length === 0 && story.directThreatIds.length === 0) {
      const n = story.needsModeling.threats;
      result.push({
        kind: 'story-needs-threat-modeling',
        storyKey: story.issueKey,
        message: `${story.issueKey} has no WITHOUT clause, but ${n} ${n === 1 ? 'threat' : 'threats'} of the knowledge base apply to it (${story.needsModeling.severity}).`,
        needsModeling: story.needsModeling,
      });
    }
    for (const clause of story.clauses.filter((c) => c.threatIds.length === 0)) {
      result.push({
        kind: 'clause-without-threat',
        storyKey: story.issueKey,
        clauseId: clause.id,
        message: `${story.issueKey}: "WITHOUT ${clause.text}" is linked to no threat.`,
      });
    }
    for (const id of linkedThreatIds(story.clauses, story.directThreatIds)) {
      if (!(id in threats) || mitigated.has(id)) continue;
      result.push({
        kind: 'threat-without-mitigation',
        storyKey: story.issueKey,
        threatId: id,
        message: `${story.issueKey}: ${id} ${threats[id]!.title} has no mitigation at all.`,
      });
    }
  }
  return result;
}
