import type { Mitigation } from './mitigation';
import type { TaskProperty } from './task-property';
import type { ThreatModel } from '../threat-model/threat-model';

// Anyone who may edit an issue may write its `without.task` property through Jira's REST API,
// so the property is a claim, never evidence. It counts only when the threat model the app
// keeps agrees: the issue sits in the project the property names, that project's model has
// the mitigation, and the model records this very issue as the mitigation's task.

export interface TaskIssue {
  id: string;
  key: string;
  /** The project the issue is in, as Jira says (not as the property says). */
  projectKey: string;
}

export type TaskEvidence = { recorded: true; mitigation: Mitigation } | { recorded: false; reason: string };

/** Whether `property`, found on `issue`, is confirmed by the model of `projectKey`. */
export function taskEvidence(
  model: ThreatModel,
  projectKey: string,
  issue: TaskIssue,
  property: TaskProperty,
): TaskEvidence {
  if (issue.projectKey !== projectKey || property.projectKey !== projectKey) {
    return {
      recorded: false,
      reason: `it is in ${issue.projectKey} and its property names project ${property.projectKey}`,
    };
  }
  const mitigation = model.mitigations.find((m) => m.id === property.mitigationId);
  if (!mitigation) return { recorded: false, reason: `the threat model has no mitigation ${property.mitigationId}` };
  if (mitigation.task?.id !== issue.id) {
    const recorded = mitigation.task
      ? `records ${mitigation.task.key} as ${mitigation.id}'s task`
      : `records no task for ${mitigation.id}`;
    return { recorded: false, reason: `the threat model ${recorded}` };
  }
  return { recorded: true, mitigation };
}

/** Ids of the issues the model records as tasks: the only issues whose status may steer a mitigation. */
export const recordedTaskIds = (model: ThreatModel): Set<string> =>
  new Set(model.mitigations.flatMap((m) => (m.task ? [m.task.id] : [])));
