import { route } from '@forge/api';
import { z } from 'zod';
import { dayOf } from '../domain/risk-history';
import { taskEvidence, type TaskIssue } from '../domain/task-evidence';
import { statusFromTask } from '../domain/task-status';
import { followTaskStatus, type ThreatModel } from '../domain/threat-model';
import { IssueRecord, statusOf } from '../jira/jira-schemas';
import type { JiraClient } from '../jira/jira-client';
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

const ProjectField = z.looseObject({ key: z.string() });

/** The issue as Jira has it now: where it is, its status, and the task property it claims. */
async function readTaskIssue(app: JiraClient, issueId: string) {
  const issue = await app.get(route`/rest/api/3/issue/${issueId}?fields=status,project&properties=${TASK_PROPERTY}`.value, IssueRecord);
  const property = TaskProperty.safeParse(issue.properties[TASK_PROPERTY]);
  const project = ProjectField.safeParse(issue.fields.project);
  const status = statusOf(issue.fields.status);
  if (!property.success || !project.success || !status) return undefined;
  const taskIssue: TaskIssue = { id: issue.id, key: issue.key, projectKey: project.data.key };
  return { taskIssue, property: property.data, status };
}

/**
 * A mitigation task moved: its mitigation's status follows, and the project's risk gets a
 * new point. The app's own changes are filtered out (manifest `ignoreSelf`, and here too).
 * Jira authorized the person's transition; the app only mirrors it into its own data, and only
 * for an issue the threat model records as the mitigation's task: the `without.task` property
 * is writable by anyone who may edit the issue, so on its own it proves nothing.
 */
export async function onIssueUpdated(event: unknown): Promise<void> {
  const parsed = IssueUpdated.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const statusChanged = parsed.data.changelog?.items.some((i) => i.field === 'status' || i.fieldId === 'status') ?? false;
  if (!statusChanged) return;
  const app = appClient();
  const read = await readTaskIssue(app, parsed.data.issue.id);
  if (!read) return;
  const { taskIssue, property, status } = read;
  const projectKey = taskIssue.projectKey;
  // Checked before the lease, so a forged property costs one read and writes nothing.
  const stored = await readThreatModel(app, projectKey);
  const evidence = taskEvidence(stored.model, projectKey, taskIssue, property);
  if (!evidence.recorded) {
    console.warn(`without: ignored the status of ${taskIssue.key}: ${evidence.reason}`);
    return;
  }
  const now = new Date().toISOString();
  const model = await changeThreatModel(app, projectKey, 'trigger', (current) => {
    // Checked again under the lease: the model may have changed since the first read.
    if (!taskEvidence(current, projectKey, taskIssue, property).recorded) return { model: current, result: current };
    const mitigationStatus = statusFromTask(status, current.settings.statusMapping);
    const next = followTaskStatus(current, property.mitigationId, mitigationStatus, { accountId: 'app', now }).model;
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
