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

/** Records the task ids the view of the issue showed (sorted, unique). */
export function rememberViewTasks(site: string | undefined, issueId: string, taskIds: string[]): void {
  const key = keyOf(site, issueId);
  shown.delete(key); // re-inserted as the newest
  shown.set(key, [...new Set(taskIds)].sort());
  while (shown.size > MAX_ISSUES) shown.delete(shown.keys().next().value!);
}

/** The task ids the view of the issue showed last here; none when unknown or too many for one request. */
export function lastViewTasks(site: string | undefined, issueId: string): string[] {
  const ids = shown.get(keyOf(site, issueId)) ?? [];
  return ids.length <= MAX_TASKS ? ids : [];
}
