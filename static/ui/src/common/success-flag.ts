import { showFlag } from '@forge/bridge';

let flagCount = 0;

/** Tells the person a change was saved. The view already shows the change, so a host without flags is fine. */
export function showSuccessFlag(title: string, description?: string): void {
  try {
    flagCount += 1;
    showFlag({
      id: `without-saved-${Date.now()}-${flagCount}`,
      title,
      description,
      type: 'success',
      isAutoDismiss: true,
    });
  } catch {
    // Flags are a courtesy; nothing to recover.
  }
}

/** "PAY-31 created": the confirmation of "Create task", naming the new task and what it carries. */
export function taskCreatedFlag(mitigation: { id: string; title: string; task: { key: string } | null }): void {
  showSuccessFlag(
    `${mitigation.task?.key ?? 'Task'} created`,
    `The backlog task of ${mitigation.id}: ${mitigation.title}`,
  );
}
