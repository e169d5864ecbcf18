import { AppError } from '../../domain/common/app-error';
import { MAX_POINTS, RiskPoint, recordPoint } from '../../domain/threat-model/risk-history';
import type { JiraClient } from '../client/jira-client';
import { getProperty, projectEntity, putProperty } from '../client/entity-properties';
import { listValue, readListProperty, type ListProperty, type StoredList } from '../client/stored-list';

export const RISK_HISTORY_KEY = 'without.risk-history';

// The history is derived, but its past points cannot be derived again: a broken one is reported
// and kept as stored by every later point; a history that cannot be read at all is never written
// over (the triggers that write it skip the day and log why).
export const RISK_HISTORY: ListProperty<RiskPoint> = {
  key: RISK_HISTORY_KEY,
  field: 'points',
  max: MAX_POINTS * 2,
  entry: RiskPoint,
  entryName: 'Risk point',
  labelField: 'date',
  ignored: 'is not shown',
  unreadable: `The risk history (${RISK_HISTORY_KEY}) is not valid, so it is not shown and no new point is recorded until that project property is fixed or deleted.`,
  refusal: `The risk history (${RISK_HISTORY_KEY}) cannot be read, so the app will not overwrite it. Fix or delete that project property.`,
};

const readStoredHistory = async (client: JiraClient, projectKey: string): Promise<StoredList<RiskPoint>> =>
  readListProperty(RISK_HISTORY, await getProperty(client, projectEntity(projectKey), RISK_HISTORY_KEY));

/** The readable points, and one sentence about the ones (or the whole value) that failed. */
export async function readRiskHistory(
  client: JiraClient,
  projectKey: string,
): Promise<{ points: RiskPoint[]; problem?: string }> {
  return riskHistoryOf(await getProperty(client, projectEntity(projectKey), RISK_HISTORY_KEY));
}

/** readRiskHistory for a value read with other properties (undefined: none stored). */
export function riskHistoryOf(value: unknown): { points: RiskPoint[]; problem?: string } {
  const stored = readListProperty(RISK_HISTORY, value);
  return stored.problems.length === 0
    ? { points: stored.entries }
    : { points: stored.entries, problem: stored.problems.join(' ') };
}

/**
 * Records the day's point, made by the app from the model's live risk; broken points are written
 * back as stored. A history the list's rules refuse to write (it cannot be read, or its broken
 * points leave no room under its limits) is left alone: the point is skipped with a log line
 * (triggers have nobody to answer), and `written` says so.
 */
export async function saveRiskPoint(
  app: JiraClient,
  projectKey: string,
  point: RiskPoint,
): Promise<{ written: boolean; points: RiskPoint[] }> {
  const stored = await readStoredHistory(app, projectKey);
  const next = recordPoint(stored.entries, point);
  let value: Record<string, unknown>;
  try {
    value = listValue(RISK_HISTORY, stored, next);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`without-risk: ${error.message} (${projectKey}: the point of ${point.date} was not recorded)`);
    return { written: false, points: stored.entries };
  }
  await putProperty(app, projectEntity(projectKey), RISK_HISTORY_KEY, value);
  return { written: true, points: next };
}
