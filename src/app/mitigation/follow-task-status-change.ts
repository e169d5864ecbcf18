import { taskEvidence } from '../../domain/mitigation/task-evidence';
import { statusFromTask } from '../../domain/mitigation/task-status';
import { followTaskStatus } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../../jira/client/jira-client';
import { readTaskIssue } from '../../jira/mitigation/mitigation-task-repository';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { recordRiskPoint } from '../threat-model/record-risk-point';

/**
 * A mitigation task's status changed: its mitigation's status follows and the project's risk
 * gets a new point, only for an issue the threat model records as the mitigation's task (the
 * `without.task` property is writable by anyone who may edit the issue, so on its own it
 * proves nothing). Jira authorized the person's transition; the app mirrors it, as the app.
 */
export async function followTaskStatusChange(app: JiraClient, issueId: string): Promise<void> {
  const read = await readTaskIssue(app, issueId);
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
  const model = await changeThreatModel(
    app,
    projectKey,
    'trigger',
    (current) => {
      // Checked again under the lease: the model may have changed since the first read.
      if (!taskEvidence(current, projectKey, taskIssue, property).recorded) return { model: current, result: current };
      const mitigationStatus = statusFromTask(status, current.settings.statusMapping);
      const next = followTaskStatus(current, property.mitigationId, mitigationStatus, { accountId: 'app', now }).model;
      return { model: next, result: next };
    },
    { touching: [property.mitigationId] },
  );
  await recordRiskPoint(app, projectKey, now, model);
}
