import { isFullyMitigated } from '../threat-model/residual-risk';
import { activeThreats, type AuditIndex, IN_PLACE, strengthFor, taskDone, tasksOf } from './audit-index';
import { type Finding, newFinding } from './finding';
import { listing, mitigationName, threatName } from './finding-text';

/** Active threats no story links, through a clause or directly. */
export function threatsWithoutStory(index: AuditIndex): Finding[] {
  return activeThreats(index)
    .filter((t) => !index.storiesByThreat.has(t.id))
    .map((t) =>
      newFinding({
        kind: 'threat-without-story',
        key: [t.id],
        threats: [t],
        entities: { threatIds: [t.id] },
        message: `${threatName(t)} is linked to no story: is a story or a WITHOUT clause missing?`,
        fix: { action: 'link-threat', label: 'Link to a story', target: { threatId: t.id } },
      }),
    );
}

/**
 * Active threats whose mitigations, if any, are all only proposed or rejected (or of no strength).
 * A threat whose risk someone accepted is left out while the acceptance holds; once it has run
 * out, acceptance-expired says so instead.
 */
export function threatsWithoutMitigation(index: AuditIndex): Finding[] {
  return activeThreats(index).flatMap((t) => {
    if (t.acceptance) return [];
    const own = index.mitigationsByThreat.get(t.id) ?? [];
    const counted = own.filter((m) => m.status !== 'proposed' && m.status !== 'rejected' && strengthFor(m, t.id) > 0);
    if (counted.length > 0) return [];
    const message =
      own.length === 0
        ? `${threatName(t)} has no mitigation.`
        : `${threatName(t)} has no accepted mitigation, only ${listing(own.map((m) => `${mitigationName(m)} (${m.status}${strengthFor(m, t.id) === 0 ? ', strength none' : ''})`))}.`;
    return [
      newFinding({
        kind: 'threat-without-mitigation',
        key: [t.id],
        threats: [t],
        entities: { threatIds: [t.id], mitigationIds: own.map((m) => m.id) },
        message,
        fix:
          own.length === 0
            ? { action: 'add-mitigation', label: 'Add a mitigation', target: { threatId: t.id } }
            : { action: 'open-threat', label: 'Review its mitigations', target: { threatId: t.id } },
      }),
    ];
  });
}

/** Fully mitigated on paper, while every task of the mitigations that count is still open. */
export function statusesOutOfSync(index: AuditIndex): Finding[] {
  return activeThreats(index).flatMap((t) => {
    const own = index.mitigationsByThreat.get(t.id) ?? [];
    if (!isFullyMitigated(t, own, index.input.model.settings.risk)) return [];
    const counted = own.filter((m) => IN_PLACE.has(m.status) && strengthFor(m, t.id) > 0);
    const tasks = counted.flatMap((m) => tasksOf(index, m));
    // An existing control often has no task: only a threat whose counted work is all in open tasks is out of sync.
    if (tasks.length === 0 || tasks.some((task) => taskDone(index, task))) return [];
    return [
      newFinding({
        kind: 'status-out-of-sync',
        key: [t.id],
        threats: [t],
        entities: {
          threatIds: [t.id],
          mitigationIds: counted.map((m) => m.id),
          taskKeys: tasks.map((task) => task.key),
        },
        message: `${threatName(t)} is fully mitigated on paper (${listing(counted.map((m) => `${m.id} ${m.status}`))}), but its tasks are all still open: ${listing(tasks.map((task) => `${task.key} (${task.statusName})`))}.`,
        fix: {
          action: 'sync-status',
          label: 'Sync status with the tasks',
          target: { threatId: t.id, ...(tasks[0] ? { taskKey: tasks[0].key } : {}) },
        },
      }),
    ];
  });
}
