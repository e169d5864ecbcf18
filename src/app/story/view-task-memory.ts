// Which tasks the story panel's view of an issue showed last on this instance (per site), so a
// later call on that issue can read them in the request that reads the issue. Only a guess of what
// to read: a call uses tasks read this way only when the ids it works out from the model it read
// are exactly these (see tasksByIdOf's memo key); otherwise it reads them again.

/** Issues remembered per instance; the oldest is forgotten first. */
const MAX_ISSUES = 500;
/** A guess is only worth one bulkfetch beside the issue (100 issues a request). */
const MAX_TASKS = 99;

const shown = new Map<string, string[]>();

const keyOf = (site: string | undefined, issueId: string) => `${site ?? ''}\u0000${issueId}`;

/**
 * Records the task ids the view of the issue showed (sorted, unique). More than MAX_TASKS are
 * never used as a guess, so none are kept then: an issue with thousands of tasks must not hold
 * them all in the instance's memory.
 */
export function rememberViewTasks(site: string | undefined, issueId: string, taskIds: string[]): void {
  const key = keyOf(site, issueId);
  shown.delete(key); // re-inserted as the newest
  const ids = [...new Set(taskIds)];
  if (ids.length > MAX_TASKS) return;
  shown.set(key, ids.sort());
  while (shown.size > MAX_ISSUES) shown.delete(shown.keys().next().value!);
}

/** The task ids the view of the issue showed last here; none when unknown or too many for one request. */
export function lastViewTasks(site: string | undefined, issueId: string): string[] {
  return shown.get(keyOf(site, issueId)) ?? [];
}

/** How many issues this instance remembers tasks for, and how many ids in all: for tests of what it holds. */
export function viewTaskMemorySize(): { issues: number; ids: number } {
  let ids = 0;
  for (const list of shown.values()) ids += list.length;
  return { issues: shown.size, ids };
}
