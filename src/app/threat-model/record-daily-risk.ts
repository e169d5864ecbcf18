import { z } from 'zod';
import type { JiraClient } from '../../jira/client/jira-client';
import { hasThreatModel, listedProjects } from '../../jira/threat-model/projects-with-model';
import { recordRiskPoint } from './record-risk-point';

// Once a day every project with a threat model gets its risk point, even on quiet days. A
// scheduled trigger runs 55 s unless its function's timeoutSeconds says otherwise, and Forge
// stops it there (https://developer.atlassian.com/platform/forge/limits-invocation/), so a run
// stops before its time with room to spare and hands the rest of the day's work on (the
// trigger pushes it to the without-daily-risk queue, src/triggers/daily-risk.ts).

export const DAILY_RISK_QUEUE = 'without-daily-risk';

/**
 * Where a run left off: the day being recorded, and the place in Jira's project list to go on
 * from. A project added or removed meanwhile may shift the list by one: at worst a project's
 * point is written twice that day (the day's point is replaced) or waits for the next day.
 */
export const DailyRiskContinuation = z.object({
  now: z.iso.datetime(),
  startAt: z.number().int().min(1).max(1_000_000),
});
export type DailyRiskContinuation = z.infer<typeof DailyRiskContinuation>;

export interface DailyRiskRun {
  app: JiraClient;
  /** The moment whose day the points are for. */
  now: string;
  /** Go on from this place in the project list (a continuation); from the first project otherwise. */
  startAt?: number;
  /** How long this invocation has left, in ms; undefined when nobody limits it. */
  remainingMs: () => number | undefined;
  /** Hands the rest of the run to a later invocation. */
  continueLater: (continuation: DailyRiskContinuation) => Promise<void>;
}

/** Kept back at the end of each invocation: a fifth of its time, at most 5 s. */
const reserveOf = (budgetMs: number) => Math.min(5_000, budgetMs / 5);

/**
 * Records the day's point of each project with a threat model, from `startAt` on, while the time
 * left allows another project (judged by the slowest one so far), then hands the rest on. Every
 * invocation looks at one project at least, so a chain of continuations always ends.
 */
export async function recordDailyRisk(run: DailyRiskRun): Promise<{ recorded: string[]; continuedFrom?: number }> {
  const recorded: string[] = [];
  const budget = run.remainingMs();
  const reserve = budget === undefined ? 0 : reserveOf(budget);
  let slowest = 0;
  let looked = 0;
  // A project's time includes fetching its page of the list, when it was the first of a page.
  let since = Date.now();
  for await (const project of listedProjects(run.app, run.startAt ?? 0)) {
    const left = run.remainingMs();
    if (looked > 0 && left !== undefined && left - reserve < slowest * 1.5) {
      await run.continueLater({ now: run.now, startAt: project.index });
      return { recorded, continuedFrom: project.index };
    }
    if (await recordOne(run, project.key)) recorded.push(project.key);
    looked += 1;
    slowest = Math.max(slowest, Date.now() - since);
    since = Date.now();
  }
  return { recorded };
}

/**
 * One project's point; false when it has no model, or its point was not recorded. A failure is that
 * project's alone (Jira busy, a history its admins broke through the REST API): it is logged and
 * the run goes on, so one project never stops the day's points of the projects after it.
 */
async function recordOne(run: DailyRiskRun, projectKey: string): Promise<boolean> {
  try {
    return (await hasThreatModel(run.app, projectKey)) && (await recordRiskPoint(run.app, projectKey, run.now));
  } catch (error) {
    console.warn(
      `without-daily-risk: the point of ${run.now.slice(0, 10)} for ${projectKey} was not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}
