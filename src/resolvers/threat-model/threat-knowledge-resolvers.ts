import type Resolver from '@forge/resolver';
import { answerThreatQuestion } from '../../app/threat-model/answer-threat-question';
import { takeKnowledgeBaseUpdate } from '../../app/threat-model/take-knowledge-base-update';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

// What the project's knowledge bases bring to a threat of the model: the team's answers to its
// STRIDE questions, and taking (or declining) a newer version of the template it was made from.
export function registerThreatKnowledgeResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'threat-model/answer-question', ({ payload, context }) =>
    answerThreatQuestion(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'threat-model/take-kb-update', ({ payload, context }) =>
    takeKnowledgeBaseUpdate(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
