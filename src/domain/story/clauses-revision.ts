import { AppError } from '../common/app-error';

/**
 * Refuses an edit of a story's clauses that started from another revision than the stored one:
 * somebody saved in between, and writing would silently drop their change.
 */
export function checkClausesRevision(storedRevision: number, baseRevision: number): void {
  if (storedRevision !== baseRevision)
    throw new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes.");
}
