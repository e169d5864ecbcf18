import { z } from 'zod';
import { MitigationStatus } from './mitigation';

// A mitigation's status follows its task's Jira status category. Projects with their own
// workflow can map categories, or single statuses by name, differently.
export const StatusMapping = z.object({
  byCategory: z.object({ new: MitigationStatus, indeterminate: MitigationStatus, done: MitigationStatus }),
  /** Overrides by status name (case-insensitive), e.g. "In Review" -> implemented. */
  byStatusName: z.record(z.string(), MitigationStatus).default({}),
});
export type StatusMapping = z.infer<typeof StatusMapping>;

export const DEFAULT_STATUS_MAPPING: StatusMapping = {
  byCategory: { new: 'accepted', indeterminate: 'in-progress', done: 'implemented' },
  byStatusName: {},
};

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export function statusFromTask(
  task: { statusName: string; categoryKey: StatusCategoryKey },
  mapping: StatusMapping = DEFAULT_STATUS_MAPPING,
): MitigationStatus {
  const byName = Object.entries(mapping.byStatusName).find(
    ([name]) => name.toLowerCase() === task.statusName.toLowerCase(),
  );
  return byName ? byName[1] : mapping.byCategory[task.categoryKey];
}
