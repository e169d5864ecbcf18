import { z } from 'zod';
import type {
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
import type { StoryCoverage } from '../domain/audit/story-coverage';

export type { PullInItem, SprintChoice, SprintMitigation, SprintStory, SprintThreat, SprintWarning, TaskPlace };
export type { StoryCoverage };

export const SprintId = z.number().int().positive();

/** Without a sprint id: the sprint the module was opened on (the sprint action's context). */
export const SprintQuery = z.object({ sprintId: SprintId.optional() });
export type SprintQuery = z.infer<typeof SprintQuery>;

export const SprintTaskAdd = z.object({ sprintId: SprintId, mitigationIds: z.array(MitigationId).min(1).max(50) });
export type SprintTaskAdd = z.infer<typeof SprintTaskAdd>;

export interface SprintPlanView {
  sprint: { id: number; name: string; state: 'active' | 'future' | 'closed'; goal: string; boardId: number };
  projectKey: string;
  stories: SprintStory[];
  threats: Record<string, SprintThreat>;
  mitigations: SprintMitigation[];
  pullIn: PullInItem[];
  warnings: SprintWarning[];
  /** The project's risk now and after the sprint, and the risk it tolerates (see exposure-tier). */
  risk: { now: number; afterSprint: number; tolerance?: number };
  /** The sprint's counted stories with WITHOUT clauses out of those that need them (StoryCoverage). */
  coverage?: StoryCoverage;
  /** Whether the person may move issues into this sprint (Schedule issues) and create tasks. */
  canSchedule: boolean;
  canCreateTasks: boolean;
  problems: string[];
}

export const sprintEndpoints = {
  'sprint/list': endpoint<SprintChoice[]>()(NoPayload),
  'sprint/get': endpoint<SprintPlanView>()(SprintQuery),
  'sprint/add-tasks': endpoint<SprintPlanView>()(SprintTaskAdd),
};
