import { ACCEPTED, type AuditIndex, knownThreats, tasksOf } from './audit-index';
import { type Finding, newFinding } from './finding';
import { mitigationName } from './finding-text';

/**
 * Accepted, planned or in-progress mitigations no task carries: none recorded and none naming
 * it, or a recorded task that is gone. Mitigations of retired threats only are no work to plan.
 */
export function mitigationsWithoutTask(index: AuditIndex): Finding[] {
  const leftOut = new Set(index.input.restrictedTaskIds ?? []);
  return index.input.model.mitigations.flatMap((m) => {
    if (!ACCEPTED.has(m.status) || tasksOf(index, m).length > 0) return [];
    // Its task has a security level: left out of the stored audit, not gone.
    if (m.task && leftOut.has(m.task.id)) return [];
    const threats = knownThreats(
      index,
      m.addresses.map((a) => a.threatId),
    );
    if (!threats.some((t) => t.state === 'active')) return [];
    const message = m.task
      ? `${mitigationName(m)} is ${m.status} and records task ${m.task.key}, which is not among the project's mitigation tasks the app can see (deleted, moved, released, or under a security level the app is not in). “Create the task” makes a new one unless ${m.task.key} is still its task for you; if you cannot read ${m.task.key}, a project administrator may have to.`
      : `${mitigationName(m)} is ${m.status} but no task in the backlog carries it.`;
    return [
      newFinding({
        kind: 'mitigation-without-task',
        key: [m.id],
        threats,
        entities: { threatIds: threats.map((t) => t.id), mitigationIds: [m.id], taskKeys: m.task ? [m.task.key] : [] },
        message,
        fix: { action: 'create-task', label: 'Create the task', target: { mitigationId: m.id } },
      }),
    ];
  });
}
