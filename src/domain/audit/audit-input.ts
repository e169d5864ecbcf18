import type { StatusCategoryKey } from '../mitigation/task-status';
import type { ThreatModel } from '../threat-model/threat-model';
import type { Suppression } from './suppression';
import type { StoryRules } from './story-coverage';

/** A story of the project as the story search returns it; its clauses field value is still raw. */
export interface AuditStory {
  id: string;
  key: string;
  summary: string;
  statusCategory: StatusCategoryKey;
  /** The raw value of the app's WITHOUT clauses field: anyone can write it, so it is read here. */
  clausesValue: unknown;
  /** The issue has a security level: the app's stored audit leaves it out (see withoutRestrictedIssues). */
  restricted?: boolean;
  /**
   * What knowledge-base rules read, for stories that count (their type and the project's scope
   * say so: see StoryCoverageSettings); absent: the story is not counted for coverage.
   */
  counted?: { issueType: string; labels: string[]; components: string[]; description: string };
}

/** A mitigation task as the task search returns it, with the raw `without.task` property. */
export interface AuditTask {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  categoryKey: StatusCategoryKey;
  /** The raw `without.task` issue property; undefined when the issue has none. */
  propertyValue: unknown;
  /** The issue has a security level: the app's stored audit leaves it out (see withoutRestrictedIssues). */
  restricted?: boolean;
  /** Whether it sits in an open sprint (active or future): planned work for the risk (isPlanned). */
  inOpenSprint?: boolean;
}

/** Everything the audit looks at, read from Jira by the caller. */
export interface AuditInput {
  projectKey: string;
  model: ThreatModel;
  /** Why parts of the threat model (shards) could not be read; empty when it was read whole. */
  modelProblems: string[];
  stories: AuditStory[];
  tasks: AuditTask[];
  suppressions: Suppression[];
  /**
   * The keys of the STRIDE questions asked about each threat, by threat id, from the project's
   * active knowledge bases (see threatQuestions); absent: unanswered questions are not checked.
   */
  questionKeys?: Record<string, string[]>;
  /** The active knowledge bases, to find counted stories without clauses that need them; absent: not checked. */
  storyRules?: StoryRules;
  /** Issues under a security level left out of this input (withoutRestrictedIssues); absent: none. */
  restrictedLeftOut?: number;
  /**
   * Ids of the tasks among them: a mitigation recording one is not reported as without a task
   * (its task exists; the stored audit just does not look at it).
   */
  restrictedTaskIds?: string[];
  /** ISO time of the run; the audit never reads the clock itself. */
  now: string;
}
