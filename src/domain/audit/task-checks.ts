import type { AuditIndex, ReadTask } from './audit-index';
import { type Finding, newFinding } from './finding';
import { listing, issueName } from './finding-text';

function orphan(index: AuditIndex, { task, property }: ReadTask): Finding[] {
  if (!property) return [];
  const mitigation = index.mitigations.get(property.mitigationId);
  const unknownThreats = property.threatIds.filter((id) => !index.threats.has(id));
  if (mitigation && unknownThreats.length === 0) return [];
  const known = property.threatIds.flatMap((id) => index.threats.get(id) ?? []);
  const gone = [...(mitigation ? [] : [`mitigation ${property.mitigationId}`]), ...unknownThreats.map((id) => `threat ${id}`)];
  return [
    newFinding({
      kind: 'orphan-task',
      key: [task.key],
      threats: known,
      entities: { taskKeys: [task.key], threatIds: property.threatIds, mitigationIds: [property.mitigationId] },
      message: `${issueName(task)} (${task.statusName}) carries ${listing(gone)}, no longer in the threat model.`,
      fix: mitigation
        ? { action: 'fix-value', label: "Update the task's threats", target: { taskKey: task.key, mitigationId: mitigation.id } }
        : { action: 'remove-link', label: 'Unlink the task', target: { taskKey: task.key, mitigationId: property.mitigationId } },
    }),
  ];
}

/** Tasks whose mitigation, or one of whose threats, the threat model no longer has. */
export function orphanTasks(index: AuditIndex): Finding[] {
  return index.tasks.flatMap((t) => orphan(index, t));
}
