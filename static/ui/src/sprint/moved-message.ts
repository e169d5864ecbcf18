import type { PullInItem, SprintPlanView } from '../../../../src/contract';

export interface AddOutcome {
  /** The success flag, when anything reached the sprint. */
  flag: { title: string; description: string } | undefined;
  /** Mitigations the refreshed plan still lists to pull in. */
  notMoved: string[];
}

/** What an addition did, read from the plan the backend answered with. */
export function addOutcome(items: PullInItem[], after: SprintPlanView): AddOutcome {
  const stillToPull = new Set(after.pullIn.map((item) => item.mitigationId));
  const moved = items.filter((item) => !stillToPull.has(item.mitigationId));
  const notMoved = items.filter((item) => stillToPull.has(item.mitigationId)).map((item) => item.mitigationId);
  const keyOf = (item: PullInItem) =>
    after.mitigations.find((m) => m.id === item.mitigationId)?.task?.key ?? item.task?.key ?? item.mitigationId;
  const sprintName = after.sprint.name;

  if (moved.length === 0) return { flag: undefined, notMoved };
  const [only] = moved;
  if (moved.length === 1 && only) {
    const title =
      only.place === 'not-created'
        ? `${keyOf(only)} created and added to ${sprintName}`
        : `${keyOf(only)} added to ${sprintName}`;
    return { flag: { title, description: `${only.mitigationId}: ${only.title}` }, notMoved };
  }
  const description = moved.map((item) => `${keyOf(item)}${item.place === 'not-created' ? ' (new)' : ''}`).join(', ');
  return { flag: { title: `${moved.length} tasks added to ${sprintName}`, description }, notMoved };
}
