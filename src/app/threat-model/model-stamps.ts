import { createHash } from 'node:crypto';
import { LIBRARY_KEY } from '../../jira/knowledge-base/knowledge-base-repository';

/**
 * Project properties the Threat model tab's view depends on beside the model, read in the model's
 * own request (they cost nothing there) so the view and its check for changes can stamp them.
 */
export const STAMPED_KEYS = [LIBRARY_KEY];

/**
 * A digest of the stored list of uploaded knowledge bases (null: none stored). An upload, a new
 * version or a removal rewrites the list, and what the tab's rows offer ("Update available", the
 * questions) depends on it, while the model's revision does not move.
 */
export function libraryStamp(extra: Record<string, unknown>): string | null {
  const value = extra[LIBRARY_KEY];
  return value === undefined ? null : createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
}
