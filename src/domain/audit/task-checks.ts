import type { AuditIndex, ReadTask } from './audit-index';
import { type Finding, newFinding } from './finding';
import { listing, issueName } from './finding-text';

function orphan(index: AuditIndex, { task, property }: ReadTask): Finding[] {
  if (!property || property.projectKey !== index.input.projectKey) return [];
  const mitigation = index.mitigations.get(property.mitigationId);
  const unknownThreats = property.threatIds.filter((id) => !index.threats.has(id));
  if (mitigation && unknownThreats.length === 0) return [];
  const known = property.threatIds.flatMap((id) => index.threats.get(id) ?? []);
  const gone = [
    ...(mitigation ? [] : [`mitigation ${property.mitigationId}`]),
    ...unknownThreats.map((id) => `threat ${id}`),
  ];
  return [
    newFinding({
      kind: 'orphan-task',
      key: [task.key],
      threats: known,
      entities: { taskKeys: [task.key], threatIds: property.threatIds, mitigationIds: [property.mitigationId] },
      message: `${issueName(task)} (${task.statusName}) carries ${listing(gone)}, no longer in the threat model.`,
      fix: mitigation
        ? {
            action: 'fix-value',
            label: 'Update the task’s threats',
            target: { taskKey: task.key, mitigationId: mitigation.id },
          }
        : {
            action: 'remove-link',
            label: 'Unlink the task',
            target: { taskKey: task.key, mitigationId: property.mitigationId },
          },
    }),
  ];
}

function unrecorded(index: AuditIndex, { task, property, unconfirmed }: ReadTask): Finding[] {
  if (!property || !unconfirmed) return [];
  const ours = property.projectKey === index.input.projectKey;
  // A property of this project naming a mitigation the model no longer has is an orphan task.
  if (ours && !index.mitigations.has(property.mitigationId)) return [];
  const threats = ours ? property.threatIds.flatMap((id) => index.threats.get(id) ?? []) : [];
  return [
    newFinding({
      kind: 'task-unrecorded',
      key: [task.key],
      threats,
      entities: { taskKeys: [task.key], threatIds: threats.map((t) => t.id), mitigationIds: [property.mitigationId] },
      message: `${issueName(task)} (${task.statusName}) claims to carry ${property.mitigationId}, but ${unconfirmed}; its status is ignored.`,
      fix: { action: 'fix-value', label: 'Review the task property', target: { taskKey: task.key } },
    }),
  ];
}

/** Issues whose task property the threat model does not confirm: written by hand, or copied. */
export function unrecordedTasks(index: AuditIndex): Finding[] {
  return index.tasks.flatMap((t) => unrecorded(index, t));
}

/** Tasks whose mitigation, or one of whose threats, the threat model no longer has. */
export function orphanTasks(index: AuditIndex): Finding[] {
  return index.tasks.flatMap((t) => orphan(index, t));
}
