import type { Mitigation } from '../../domain/mitigation/mitigation';
import { projectRisk } from '../../domain/threat-model/residual-risk';
import { asMitigations, withOpenSprintTasks } from '../../domain/threat-model/threat-risk';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../../jira/client/jira-client';
import type { TaskRecord } from '../../jira/mitigation/mitigation-task-repository';
import { taskSprintOf } from '../../jira/sprint/sprint-repository';
import { sprintFieldId } from '../../jira/story/clauses-field';
import { liveModelWith, type LiveModel } from '../../jira/threat-model/project-risk';
import { recordedTasks } from './recorded-tasks';

/**
 * The recorded tasks of these mitigations, by id, with their Sprint field in the same requests
 * (the field list is the one the view reads anyway): which tasks sit in an open sprint is what
 * the planned risk needs to mean what the sprint view means (isPlanned). A site without Jira
 * Software has no sprints: nothing is planned by sprint there.
 */
export async function recordedTasksWithSprints(
  user: JiraClient,
  projectKey: string,
  mitigations: Mitigation[],
): Promise<TaskRecord[]> {
  if (!mitigations.some((m) => m.task)) return [];
  const sprintField = await sprintFieldId(user).catch(() => undefined);
  return recordedTasks(user, projectKey, mitigations, sprintField);
}

const OPEN: ReadonlySet<string | undefined> = new Set(['active', 'future']);

/** The live model with each task marked when it sits in an open sprint, and the project's risk from that. */
export function plannedLiveModel(tasks: TaskRecord[], model: ThreatModel): LiveModel {
  const open = new Set(
    tasks.filter((t) => 'sprintValue' in t && OPEN.has(sprintStateOf(t.sprintValue))).map((t) => t.id),
  );
  const live = liveModelWith(tasks, model);
  const mitigations = withOpenSprintTasks(live.mitigations, open);
  return { ...live, mitigations, risk: projectRisk(model.threats, asMitigations(mitigations), model.settings.risk) };
}

function sprintStateOf(value: unknown): string | undefined {
  const where = taskSprintOf(value);
  return where.sprintId === null || where.sprintId === 'other-open' ? undefined : where.sprintState;
}
