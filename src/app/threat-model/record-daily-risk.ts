import { z } from 'zod';
import type { JiraClient } from '../../jira/client/jira-client';
import { recordRiskPoint } from '../../jira/threat-model/project-risk';
import { projectsWithThreatModel } from '../../jira/threat-model/projects-with-model';

// Once a day every project with a threat model gets its risk point, even on quiet days. A
// scheduled trigger runs 55 s unless its function's timeoutSeconds says otherwise, and Forge
// stops it there (https://developer.atlassian.com/platform/forge/limits-invocation/), so a run
// stops before its time with room to spare and hands the rest of the day's work on (the
// trigger pushes it to the without-daily-risk queue, src/triggers/daily-risk.ts).

export const DAILY_RISK_QUEUE = 'without-daily-risk';

/** Where a run left off: the day being recorded, and the last project key done (projects come by key). */
export const DailyRiskContinuation = z.object({
  now: z.iso.datetime(),
  after: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
});
export type DailyRiskContinuation = z.infer<typeof DailyRiskContinuation>;

export interface DailyRiskRun {
  app: JiraClient;
  /** The moment whose day the points are for. */
  now: string;
  /** Start after this project key (a continuation); from the first project otherwise. */
  after?: string;
  /** How long this invocation has left, in ms; undefined when nobody limits it. */
  remainingMs: () => number | undefined;
  /** Hands the rest of the run to a later invocation. */
  continueLater: (continuation: DailyRiskContinuation) => Promise<void>;
}

/** Kept back at the end of each invocation: a fifth of its time, at most 5 s. */
const reserveOf = (budgetMs: number) => Math.min(5_000, budgetMs / 5);

/**
 * Records the day's point of each project after `after`, in key order, while the time left
 * allows another project (judged by the slowest one so far), then hands the rest on.
 */
export async function recordDailyRisk(run: DailyRiskRun): Promise<{ recorded: string[]; continuedAfter?: string }> {
  const recorded: string[] = [];
  const budget = run.remainingMs();
  const reserve = budget === undefined ? 0 : reserveOf(budget);
  let slowest = 0;
  let since = Date.now();
  let last = run.after;
  for await (const projectKey of projectsWithThreatModel(run.app)) {
    // Projects come ordered by key (GET /rest/api/3/project/search, orderBy key by default).
    if (run.after !== undefined && projectKey.localeCompare(run.after) <= 0) {
      since = Date.now();
      continue;
    }
    const left = run.remainingMs();
    if (left !== undefined && last !== undefined && left - reserve < slowest * 1.5) {
      await run.continueLater({ now: run.now, after: last });
      return { recorded, continuedAfter: last };
    }
    await recordRiskPoint(run.app, projectKey, run.now);
    recorded.push(projectKey);
    last = projectKey;
    // The time of one project: listing it (the generator) and recording its point.
    slowest = Math.max(slowest, Date.now() - since);
    since = Date.now();
  }
  return { recorded };
}
