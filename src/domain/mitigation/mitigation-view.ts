import type { Mitigation, MitigationStatus } from './mitigation';
import { DEFAULT_STATUS_MAPPING, statusFromTask, type StatusMapping } from './task-status';

/** A mitigation's task as views show it: its key and Jira status. */
export interface TaskSummary {
  id: string;
  key: string;
  statusName: string;
  categoryKey: 'new' | 'indeterminate' | 'done';
  /** Whether the task sits in an open sprint (active or future), when the view read that: planned work (isPlanned). */
  inOpenSprint?: boolean;
}

/** A mitigation as the UI shows it: its status follows its task's live status when it has one. */
export interface MitigationView extends Omit<Mitigation, 'task'> {
  task: TaskSummary | null;
  /** The status stored in the model, which the task's status overrides. */
  storedStatus: MitigationStatus;
}

/** The claim and the edit receipt are the app's bookkeeping, not something to show. */
const shown = ({
  taskClaim: _claim,
  lastEdit: _receipt,
  ...mitigation
}: Mitigation): Omit<Mitigation, 'taskClaim' | 'lastEdit'> => mitigation;

/**
 * A mitigation with the live status of its task. Reading the task's status every time a
 * view is built means a missed event never leaves a stale status or risk on screen.
 */
export function mitigationView(
  stored: Mitigation,
  tasks: Map<string, TaskSummary>,
  mapping: StatusMapping = DEFAULT_STATUS_MAPPING,
): MitigationView {
  const mitigation = shown(stored);
  const task = (mitigation.task && tasks.get(mitigation.task.id)) ?? null;
  const live =
    task && mitigation.status !== 'rejected'
      ? statusFromTask({ statusName: task.statusName, categoryKey: task.categoryKey }, mapping)
      : mitigation.status;
  return {
    ...mitigation,
    task: task ?? (mitigation.task ? { ...mitigation.task, statusName: 'Unknown', categoryKey: 'new' } : null),
    status: live,
    storedStatus: mitigation.status,
  };
}

const CATEGORY_NAMES = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;

/** What the model alone says of a task (the status trigger keeps it in step): Jira's category names. */
export function storedTaskSummary(task: { id: string; key: string }, status: MitigationStatus): TaskSummary {
  const categoryKey =
    status === 'implemented' || status === 'existing' ? 'done' : status === 'in-progress' ? 'indeterminate' : 'new';
  return { ...task, statusName: CATEGORY_NAMES[categoryKey], categoryKey };
}

/**
 * For views that read only some tasks live (the sprint view reads the sprint's own): those
 * follow their live status, the others keep the model's stored status.
 */
export function mitigationViewPartlyLive(
  stored: Mitigation,
  liveTasks: Map<string, TaskSummary>,
  mapping: StatusMapping = DEFAULT_STATUS_MAPPING,
): MitigationView {
  if (!stored.task || liveTasks.has(stored.task.id)) return mitigationView(stored, liveTasks, mapping);
  const mitigation = shown(stored);
  return { ...mitigation, task: storedTaskSummary(stored.task, mitigation.status), storedStatus: mitigation.status };
}
