import type Resolver from '@forge/resolver';
import { acceptSuggestion } from '../../app/knowledge-base/accept-suggestion';
import { suggestThreats } from '../../app/knowledge-base/suggest-threats';
import { callClients } from '../call-clients';
import { issueIdOf, projectHintOf, projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// Threat suggestions from knowledge bases for the story in the issue panel, and accepting one.
export function registerKnowledgeBaseResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'knowledge-base/suggest', ({ payload, context }) =>
    payload.issueKey === undefined
      ? suggestThreats(callClients(), issueIdOf(context), payload)
      : suggestThreats(callClients(), payload.issueKey, payload, projectKeyOf(context)),
  );

  defineResolver(resolver, 'knowledge-base/accept', ({ payload, context }) =>
    acceptSuggestion(callClients(), issueIdOf(context), context.accountId, payload, projectHintOf(context)),
  );
}
