import { z } from 'zod';
import type {
  AfterSprintEffect,
  PullInItem,
  SprintChoice,
  SprintMitigation,
  SprintStory,
  SprintThreat,
  SprintWarning,
  TaskPlace,
} from '../domain/sprint/sprint-view';
import { endpoint, NoPayload } from './endpoint';
import { MitigationId } from './mitigation';
import { ClauseThreatLink } from './audit';
import type { StoryCoverage } from '../domain/audit/story-coverage';
import { PULL_IN_MOST } from '../domain/sprint/sprint-window';

export type {
  AfterSprintEffect,
  PullInItem,
  SprintChoice,
  SprintMitigation,
  SprintStory,
  SprintThreat,
  SprintWarning,
  TaskPlace,
};
export type { StoryCoverage };

export const SprintId = z.number().int().positive();

/** What of the plan to show: the page of stories from storyOffset, the first pullInLimit pieces of work to pull in. */
const SprintWindowQuery = {
  storyOffset: z.number().int().min(0).max(1_000_000).optional(),
  pullInLimit: z.number().int().min(1).max(PULL_IN_MOST).optional(),
};

/** Without a sprint id: the sprint the module was opened on (the sprint action's context). */
export const SprintQuery = z.object({ sprintId: SprintId.optional(), ...SprintWindowQuery });
export type SprintQuery = z.infer<typeof SprintQuery>;

export const SprintTaskAdd = z.object({
  sprintId: SprintId,
  mitigationIds: z.array(MitigationId).min(1).max(50),
  ...SprintWindowQuery,
});
export type SprintTaskAdd = z.infer<typeof SprintTaskAdd>;

/**
 * The fix of a "clause linked to no threat" gap: the audit's link (which clause of which story,
 * and the threat), answered with the plan of the sprint the person is on.
 */
export const SprintClauseLink = ClauseThreatLink.pick({ issueKey: true, clauseId: true, threatId: true }).extend({
  sprintId: SprintId,
  ...SprintWindowQuery,
});
export type SprintClauseLink = z.infer<typeof SprintClauseLink>;

export interface SprintPlanView {
  sprint: { id: number; name: string; state: 'active' | 'future' | 'closed'; goal: string; boardId: number };
  projectKey: string;
  /** One page of the sprint's stories (STORY_PAGE_SIZE), from storyOffset, of storyCount in all. */
  stories: SprintStory[];
  storyOffset: number;
  storyCount: number;
  /** The threats the page's stories and the listed work name, and the mitigations of the page's threats. */
  threats: Record<string, SprintThreat>;
  mitigations: SprintMitigation[];
  /** The first pieces of work to pull in (most risk removed first), of pullInCount in all. */
  pullIn: PullInItem[];
  pullInCount: number;
  warnings: SprintWarning[];
  /**
   * The project's risk now, after the sprint, once all planned work is done (isPlanned: the
   * project page's figure), and the risk it tolerates (see exposure-tier).
   */
  risk: { now: number; afterSprint: number; planned?: number; tolerance?: number };
  /** The sprint's counted stories with WITHOUT clauses out of those that need them (StoryCoverage). */
  coverage?: StoryCoverage;
  /** Whether the person may move issues into this sprint (Schedule issues) and create tasks. */
  canSchedule: boolean;
  canCreateTasks: boolean;
  /** Whether the person may edit the project's issues: the "link a threat" fix of a clause's gap edits its story. */
  canEditStories: boolean;
  /**
   * Whether the person may edit the threat model: the "add a mitigation" fix of a threat's gap.
   * Asked only when the plan has such a gap (for a person who does not administer the project
   * it costs a read of the editor roles); absent otherwise.
   */
  canEditThreatModel?: boolean;
  problems: string[];
}

export const sprintEndpoints = {
  'sprint/list': endpoint<SprintChoice[]>()(NoPayload),
  'sprint/get': endpoint<SprintPlanView>()(SprintQuery),
  'sprint/add-tasks': endpoint<SprintPlanView>()(SprintTaskAdd),
  'sprint/link-threat': endpoint<SprintPlanView>()(SprintClauseLink),
};
