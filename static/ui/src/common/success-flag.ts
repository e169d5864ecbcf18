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
