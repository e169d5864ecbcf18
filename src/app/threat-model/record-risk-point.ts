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
 * the page's "once planned work is done" is.
 */
export async function recordRiskPoint(app: JiraClient, projectKey: string, now: string, model?: ThreatModel) {
  const current = model ?? (await readThreatModel(app, projectKey)).model;
  const { risk } = plannedLiveModel(await recordedTasksWithSprints(app, current.mitigations), current);
  await saveRiskPoint(app, projectKey, { date: dayOf(now), now: risk.now, planned: risk.planned });
}
