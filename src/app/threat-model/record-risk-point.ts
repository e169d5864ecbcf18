import { dayOf } from '../../domain/threat-model/risk-history';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../../jira/client/jira-client';
import { saveRiskPoint } from '../../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { plannedLiveModel, recordedTasksWithSprints } from './planned-live-model';

/**
 * Records today's risk point of a project, as the app; `model` when the caller has just read or
 * written it. The point is the project page's figure: the tasks the model records, read by id
 * with their Sprint field in the same requests, and planned work as isPlanned says (an accepted
 * mitigation whose task sits in an open sprint counts), so the chart's dashed line ends where
 * the page's "once planned work is done" is. False when the history had no room or could not be
 * read (saveRiskPoint logs why). The tasks are read as the app; only those Jira
 * places in this project count (recordedTasks), so an issue id of another project recorded in the
 * model never makes the history tell its status.
 */
export async function recordRiskPoint(
  app: JiraClient,
  projectKey: string,
  now: string,
  model?: ThreatModel,
): Promise<boolean> {
  const current = model ?? (await readThreatModel(app, projectKey)).model;
  // A task under a security level counts for nothing here: read as the app, its status would show
  // through the history to people who may not see it (see TaskRecord.restricted).
  const tasks = (await recordedTasksWithSprints(app, projectKey, current.mitigations)).filter((t) => !t.restricted);
  const { risk } = plannedLiveModel(tasks, current);
  const { written } = await saveRiskPoint(app, projectKey, { date: dayOf(now), now: risk.now, planned: risk.planned });
  return written;
}
