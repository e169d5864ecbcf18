import type { MitigationView, TaskSummary } from '../mitigation/mitigation-view';
import type { ThreatRisk } from '../threat-model/threat-risk';
import type { ThreatView } from '../threat-model/threat-view';
import type { WithoutClause } from '../story/without-clause';
import type { SeverityBand } from '../threat-model/severity';

// The parts of a sprint's plan, as the sprint view shows them and the plan works them out.

/** Where a mitigation's task is, seen from a sprint. */
export type TaskPlace = 'this-sprint' | 'other-sprint' | 'backlog' | 'not-created' | 'done';

export interface SprintStory {
  issueId: string;
  issueKey: string;
  summary: string;
  statusName: string;
  clauses: WithoutClause[];
  directThreatIds: string[];
  /** Whether it counts for coverage: its issue type and the project's story scope say so. */
  counted?: boolean;
  /** A counted story without clauses that the knowledge bases' rules match: how many threats, the worst, and why. */
  needsModeling?: { threats: number; severity: SeverityBand; reasons: string[] };
}

/**
 * A mitigation as the sprint view shows it: without what-to-implement and how-to-verify texts,
 * which the view never shows and which made a 2,000-story answer megabytes long.
 */
export interface SprintMitigation extends Pick<
  MitigationView,
  'id' | 'title' | 'controlType' | 'addresses' | 'status' | 'storedStatus' | 'task' | 'rejectionReason'
> {
  /** Where its task is relative to this sprint. */
  place: TaskPlace;
  /** Name of the other sprint, when place is other-sprint. */
  otherSprintName?: string;
}

/** A threat as the sprint view shows it: no description, which the view never shows. */
export type SprintThreat = Pick<
  ThreatView,
  'id' | 'title' | 'stride' | 'probability' | 'impact' | 'component' | 'state' | 'severity' | 'source' | 'revision'
> & { risk: ThreatRisk };

/**
 * What pulling a piece of work in does to one active threat's risk after this sprint: the
 * threat's residual risk after the sprint as planned now, and the share of it the work leaves
 * (1 - strength / 100). See afterSprintWith.
 */
export interface AfterSprintEffect {
  threatId: string;
  afterSprint: number;
  leaves: number;
}

/** Security work to pull into the sprint: highest risk removed first. */
export interface PullInItem {
  mitigationId: string;
  title: string;
  place: 'other-sprint' | 'backlog' | 'not-created';
  /** Name of the other sprint, when place is other-sprint and the search named it. */
  otherSprintName?: string;
  task: TaskSummary | null;
  /** The residual risk of its threats now, less theirs with it done too (see riskRemovedBy). */
  riskRemoved: number;
  threatIds: string[];
  /** Planned stories that need it: the first few (STORY_KEYS_SHOWN), and how many in all. */
  storyKeys: string[];
  storyCount: number;
  /** Its effect on every active threat it would lower, for the preview of the risk after the sprint. */
  effects: AfterSprintEffect[];
}

export interface SprintWarning {
  kind: 'clause-without-threat' | 'threat-without-mitigation' | 'story-needs-threat-modeling';
  storyKey: string;
  /** For clause-without-threat: the clause, so the gap's fix links a threat to it. */
  clauseId?: string;
  threatId?: string;
  message: string;
  /** For story-needs-threat-modeling: what the rules matched, shown whether or not the story is on the page. */
  needsModeling?: SprintStory['needsModeling'];
}

/** A sprint a person can plan: open, on a board of the project. */
export interface SprintChoice {
  id: number;
  name: string;
  state: 'active' | 'future';
  boardName: string;
}
