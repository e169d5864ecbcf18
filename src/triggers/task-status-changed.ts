import { route } from '@forge/api';
import { z } from 'zod';
import { dayOf } from '../domain/risk-history';
import { statusFromTask } from '../domain/task-status';
import { followTaskStatus, type ThreatModel } from '../domain/threat-model';
import { IssueRecord, statusOf } from '../jira/jira-schemas';
import { TASK_PROPERTY, TaskProperty } from '../jira/mitigation-tasks';
import { liveModel } from '../jira/project-risk';
import { saveRiskPoint } from '../jira/risk-history-store';
import { changeThreatModel, readThreatModel } from '../jira/threat-model-store';
import { appClient } from '../resolvers/clients';

const IssueUpdated = z.looseObject({
  issue: z.looseObject({ id: z.string() }),
  changelog: z.looseObject({ items: z.array(z.looseObject({ field: z.string().optional(), fieldId: z.string().optional() })) }).optional(),
  selfGenerated: z.boolean().optional(),
});


/**
 * A mitigation task moved: its mitigation's status follows, and the project's risk gets a
 * new point. The app's own changes are filtered out (manifest `ignoreSelf`, and here too).
 * Jira authorized the person's transition; the app only mirrors it into its own data.
 */
export async function onIssueUpdated(event: unknown): Promise<void> {
  const parsed = IssueUpdated.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const statusChanged = parsed.data.changelog?.items.some((i) => i.field === 'status' || i.fieldId === 'status') ?? false;
  if (!statusChanged) return;
  const app = appClient();
  const issue = await app.get(route`/rest/api/3/issue/${parsed.data.issue.id}?fields=status&properties=${TASK_PROPERTY}`.value, IssueRecord);
  const property = TaskProperty.safeParse(issue.properties[TASK_PROPERTY]);
  const task = statusOf(issue.fields.status);
  if (!property.success || !task) return;
  const { projectKey, mitigationId } = property.data;
  const now = new Date().toISOString();
  const model = await changeThreatModel(app, projectKey, 'trigger', (current) => {
    if (!current.mitigations.some((m) => m.id === mitigationId)) return { model: current, result: current };
    const mitigationStatus = statusFromTask(task, current.settings.statusMapping);
    const next = followTaskStatus(current, mitigationId, mitigationStatus, { accountId: 'app', now }).model;
    return { model: next, result: next };
  });
  await recordRisk(projectKey, now, model);
}

/** Records today's risk point; `model` when the caller has just read or written it. */
export async function recordRisk(projectKey: string, now: string, model?: ThreatModel): Promise<void> {
  const app = appClient();
  const current = model ?? (await readThreatModel(app, projectKey)).model;
  const { risk } = await liveModel(app, projectKey, current);
  await saveRiskPoint(app, projectKey, { date: dayOf(now), now: risk.now, planned: risk.planned });
}
