import { threatModelChanges } from '../../app/threat-model/threat-model-changes';
import { storyCounts } from '../../app/threat-model/story-counts';
import type Resolver from '@forge/resolver';
import { changeThreat } from '../../app/threat-model/change-threat';
import { createThreat } from '../../app/threat-model/create-threat';
import { acceptRisk } from '../../app/threat-model/accept-threat-risk';
import { revokeAcceptance } from '../../app/threat-model/revoke-threat-acceptance';
import { threatModelView } from '../../app/threat-model/threat-model-view';
import { threatDetails } from '../../app/threat-model/threat-details';
import { threatsOf } from '../../app/threat-model/threats-of';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerThreatModelResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'threat-model/get', ({ context }) =>
    threatModelView(callClients(), projectKeyOf(context), context.accountId),
  );

  defineResolver(resolver, 'threat-model/changes', ({ payload, context }) =>
    threatModelChanges(callClients(), projectKeyOf(context), payload),
  );

  defineResolver(resolver, 'threat-model/story-counts', async ({ payload, context }) => {
    const counts = await storyCounts(
      callClients().user,
      projectKeyOf(context),
      'all' in payload ? 'all' : payload.threatIds,
    );
    return { counts: Object.fromEntries(counts) };
  });

  defineResolver(resolver, 'threat-model/threat-details', ({ payload, context }) =>
    threatDetails(callClients(), projectKeyOf(context), payload.id),
  );

  defineResolver(resolver, 'threat-model/threats', ({ payload, context }) =>
    threatsOf(callClients(), projectKeyOf(context), payload.ids),
  );

  defineResolver(resolver, 'threat-model/create-threat', ({ payload, context }) =>
    createThreat(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'threat-model/update-threat', ({ payload, context }) =>
    changeThreat(callClients(), projectKeyOf(context), context.accountId, { kind: 'update-threat', ...payload }),
  );

  defineResolver(resolver, 'threat-model/set-threat-state', ({ payload, context }) =>
    changeThreat(callClients(), projectKeyOf(context), context.accountId, { kind: 'set-threat-state', ...payload }),
  );

  defineResolver(resolver, 'threat-model/accept-risk', ({ payload, context }) =>
    acceptRisk(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'threat-model/revoke-acceptance', ({ payload, context }) =>
    revokeAcceptance(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
