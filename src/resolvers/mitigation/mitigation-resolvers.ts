import type Resolver from '@forge/resolver';
import { addMitigation } from '../../app/mitigation/add-mitigation';
import { createMitigationTask } from '../../app/mitigation/create-mitigation-task';
import { updateMitigation } from '../../app/mitigation/update-mitigation';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerMitigationResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'mitigation/add', ({ payload, context }) =>
    addMitigation(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'mitigation/update', ({ payload, context }) =>
    updateMitigation(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'mitigation/create-task', ({ payload, context }) =>
    createMitigationTask(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
