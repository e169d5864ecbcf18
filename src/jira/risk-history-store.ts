import { RiskHistory, recordPoint, type RiskPoint } from '../domain/risk-history';
import type { JiraClient } from './jira-client';
import { getProperty, projectEntity, putProperty } from './entity-properties';

export const RISK_HISTORY_KEY = 'without.risk-history';

export async function readRiskHistory(client: JiraClient, projectKey: string): Promise<{ points: RiskPoint[]; problem?: string }> {
  const raw = await getProperty(client, projectEntity(projectKey), RISK_HISTORY_KEY);
  if (raw === undefined) return { points: [] };
  const parsed = RiskHistory.safeParse(raw);
  return parsed.success ? { points: parsed.data.points } : { points: [], problem: `The risk history (${RISK_HISTORY_KEY}) is not valid; it starts again from today.` };
}

/** Records the day's point. Made by the app; the history is derived data, not a person's edit. */
export async function saveRiskPoint(app: JiraClient, projectKey: string, point: RiskPoint): Promise<RiskPoint[]> {
  const { points } = await readRiskHistory(app, projectKey);
  const next = recordPoint(points, point);
  await putProperty(app, projectEntity(projectKey), RISK_HISTORY_KEY, { v: 1, points: next });
  return next;
}
