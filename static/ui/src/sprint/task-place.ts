import type { TaskPlace } from '../../../../src/contract';

/** Where a mitigation's task is, as the product owner reads it: "In this sprint", "In Sprint 5", … */
export function placeText(place: TaskPlace, otherSprintName?: string): string {
  switch (place) {
    case 'this-sprint':
      return 'In this sprint';
    case 'other-sprint':
      return otherSprintName ? `In ${otherSprintName}` : 'In another sprint';
    case 'backlog':
      return 'In the backlog';
    case 'not-created':
      return 'No task yet';
    case 'done':
      return 'Done';
  }
}
