import type Resolver from '@forge/resolver';
import { addTasksToSprint } from '../../app/sprint/add-tasks-to-sprint';
import { linkGapThreat } from '../../app/sprint/link-gap-threat';
import { sprintChoices } from '../../app/sprint/sprint-choices';
import { sprintPlanView } from '../../app/sprint/sprint-plan-view';
import { windowOf } from '../../app/sprint/sprint-window-of';
import { callClients } from '../call-clients';
import { projectKeyOf, sprintIdOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerSprintResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'sprint/list', ({ context }) => sprintChoices(callClients(), projectKeyOf(context)));

  defineResolver(resolver, 'sprint/get', ({ payload, context }) =>
    sprintPlanView(
      callClients(),
      projectKeyOf(context),
      context.accountId,
      sprintIdOf(payload.sprintId, context),
      windowOf(payload),
    ),
  );

  defineResolver(resolver, 'sprint/add-tasks', ({ payload, context }) =>
    addTasksToSprint(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'sprint/link-threat', ({ payload, context }) =>
    linkGapThreat(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
