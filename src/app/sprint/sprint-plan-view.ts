import type { SprintPlanView } from '../../contract';
import { planSprint } from '../../domain/sprint/sprint-plan';
import { FIRST_WINDOW, pageOfPlan, type SprintWindow } from '../../domain/sprint/sprint-window';
import type { JiraClients } from '../common/jira-clients';
import { readSprintPlanInputs } from './read-sprint-plan-inputs';

/**
 * The sprint's security plan, read as the person: Jira shows them the sprint's issues they may
 * see. `justMoved`: ids of issues this call moved into the sprint, which search may not show yet.
 * The plan is worked out from every story; the answer holds the part `window` asks for.
 */
export async function sprintPlanView(
  jira: JiraClients,
  projectKey: string,
  sprintId: number,
  window: SprintWindow = FIRST_WINDOW,
  justMoved: string[] = [],
): Promise<SprintPlanView> {
  const { input, sprint, perms, problems } = await readSprintPlanInputs(jira.user, projectKey, sprintId, justMoved);
  return {
    sprint: {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      goal: sprint.goal ?? '',
      boardId: sprint.originBoardId ?? sprint.boardId ?? 0,
    },
    projectKey,
    ...pageOfPlan(input.stories, planSprint(input), window),
    canSchedule: perms.SCHEDULE_ISSUES === true && perms.EDIT_ISSUES === true,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems,
  };
}
