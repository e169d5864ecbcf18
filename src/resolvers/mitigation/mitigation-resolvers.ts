import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { MitigationDraft } from '../../domain/mitigation/mitigation';
import { mitigationView } from '../../domain/mitigation/mitigation-view';
import { MitigationEdit } from '../../domain/resolver-contract';
import { addMitigation, editMitigation } from '../../domain/threat-model/threat-model';
import { createTaskOnce } from '../../app/mitigation/create-task-once';
import { projectPermissions } from '../../jira/client/permissions';
import { appClient, userClient } from '../../jira/client/clients';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { requireModelEditor } from '../model-editor';

const now = () => new Date().toISOString();

export function registerMitigationResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'mitigation/add', z.object({ draft: MitigationDraft }), async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    await requireModelEditor(userClient(), projectKey, context.accountId);
    const mitigation = await changeThreatModel(appClient(), projectKey, context.accountId, (model) => {
      const added = addMitigation(model, payload.draft, { accountId: context.accountId, now: now() });
      return { model: added.model, result: added.mitigation };
    });
    return mitigationView(mitigation, new Map());
  });

  defineResolver(resolver, 'mitigation/update', MitigationEdit, async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    await requireModelEditor(userClient(), projectKey, context.accountId);
    const mitigation = await changeThreatModel(appClient(), projectKey, context.accountId, (model) => {
      const edited = editMitigation(model, payload.id, payload.baseRevision, payload.draft, {
        accountId: context.accountId,
        now: now(),
      });
      return { model: edited.model, result: edited.mitigation };
    });
    return mitigationView(mitigation, new Map());
  });

  defineResolver(
    resolver,
    'mitigation/create-task',
    z.object({ mitigationId: z.string().regex(/^M-\d+$/, 'A mitigation id looks like M-4') }),
    async ({ payload, context }) => {
      const projectKey = projectKeyOf(context);
      const user = userClient();
      const perms = await projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']);
      if (!perms.CREATE_ISSUES) throw new AppError('FORBIDDEN', `You can't create tasks in ${projectKey}.`);
      if (!perms.LINK_ISSUES)
        throw new AppError(
          'FORBIDDEN',
          `You can't link issues in ${projectKey}, and the task must be linked to its stories.`,
        );
      return createTaskOnce(user, projectKey, payload.mitigationId, context.accountId);
    },
  );
}
