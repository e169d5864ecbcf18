import type { Mitigation } from './mitigation';
import type { MitigationView, TaskSummary } from './resolver-contract';
import { DEFAULT_STATUS_MAPPING, statusFromTask, type StatusMapping } from './task-status';

/**
 * A mitigation with the live status of its task. Reading the task's status every time a
 * view is built means a missed event never leaves a stale status or risk on screen.
 */
export function mitigationView(mitigation: Mitigation, tasks: Map<string, TaskSummary>, mapping: StatusMapping = DEFAULT_STATUS_MAPPING): MitigationView {
  const task = (mitigation.task && tasks.get(mitigation.task.id)) ?? null;
  const live = task && mitigation.status !== 'rejected' ? statusFromTask({ statusName: task.statusName, categoryKey: task.categoryKey }, mapping) : mitigation.status;
  return { ...mitigation, task: task ?? (mitigation.task ? { ...mitigation.task, statusName: 'Unknown', categoryKey: 'new' } : null), status: live, storedStatus: mitigation.status };
}
