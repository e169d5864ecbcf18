import type { SprintPlanView } from '../../contract';
import { planSprint } from '../../domain/sprint/sprint-plan';
import { FIRST_WINDOW, pageOfPlan, type SprintWindow } from '../../domain/sprint/sprint-window';
import { rememberProjectAdmin } from '../../jira/threat-model/last-seen-models';
import { mayEditThreatModel, projectPermissionsOf, readEditorsEarly, threatModelOf } from '../common/call-reads';
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
  accountId: string,
  sprintId: number,
  window: SprintWindow = FIRST_WINDOW,
  justMoved: string[] = [],
): Promise<SprintPlanView> {
  // The editor roles this instance saw last, read beside the plan's first reads: the check of a
  // person who does not administer the project then costs a request, not a round trip.
  readEditorsEarly(jira, projectKey, accountId);
  const { input, sprint, perms, settings, problems } = await readSprintPlanInputs(
    jira.user,
    projectKey,
    sprintId,
    justMoved,
    // Through the call's memo: a call that saved a story first has read the model already, and
    // one that pulled work in has read the person's permissions.
    threatModelOf(jira, projectKey),
    projectPermissionsOf(jira, projectKey),
  );
  // An administrator's next check reads no role early (see readEditorsEarly).
  rememberProjectAdmin(jira.app.tenant, projectKey, accountId, perms.ADMINISTER_PROJECTS === true);
  const plan = planSprint(input);
  const mayAddMitigations = plan.warnings.some((w) => w.kind === 'threat-without-mitigation')
    ? await mayEditThreatModel(
        jira,
        { projectKey, accountId, isAdmin: Promise.resolve(perms.ADMINISTER_PROJECTS === true) },
        settings,
      )
    : undefined;
  return {
    sprint: {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      goal: sprint.goal ?? '',
      boardId: sprint.originBoardId ?? sprint.boardId ?? 0,
    },
    projectKey,
    ...pageOfPlan(input.stories, plan, window),
    canSchedule: perms.SCHEDULE_ISSUES === true && perms.EDIT_ISSUES === true,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    canEditStories: perms.EDIT_ISSUES === true,
    ...(mayAddMitigations === undefined ? {} : { canEditThreatModel: mayAddMitigations }),
    problems,
  };
}
