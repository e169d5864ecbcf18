import type Resolver from '@forge/resolver';
import { answerQuestion } from '../../domain/threat-model/answer-question';
import { takeKbUpdate } from '../../domain/knowledge-base/take-kb-update';
import { threatQuestions } from '../../domain/knowledge-base/threat-questions';
import { KbUpdateDecision, QuestionAnswerEdit } from '../../domain/resolver-contract';
import type { Threat } from '../../domain/threat-model/threat';
import { findThreat, type Actor, type ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import {
  loadActiveKnowledgeBases,
  type LoadedKnowledgeBases,
} from '../../jira/knowledge-base/knowledge-base-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { appClient, userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { requireModelEditor } from '../model-editor';

// What the project's knowledge bases bring to a threat of the model: the team's answers to its
// STRIDE questions, and taking (or declining) a newer version of the template it was made from.
// The active knowledge bases are read under the model's lease, with the settings that name them.

type KnowledgeChange = (
  model: ThreatModel,
  loaded: LoadedKnowledgeBases,
  actor: Actor,
) => { model: ThreatModel; threat: Threat };

async function changeWithKnowledgeBases(
  projectKey: string,
  accountId: string,
  apply: KnowledgeChange,
): Promise<ThreatView> {
  await requireModelEditor(userClient(), projectKey, accountId);
  const app = appClient();
  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(app, projectKey, accountId, async (model) => {
    const loaded = await loadActiveKnowledgeBases(app, projectKey, model.settings.knowledgeBases);
    const changed = apply(model, loaded, actor);
    return { model: changed.model, result: changed.threat };
  });
  return threatView(threat);
}

export function registerThreatKnowledgeResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'threat-model/answer-question', QuestionAnswerEdit, ({ payload, context }) =>
    changeWithKnowledgeBases(projectKeyOf(context), context.accountId, (model, { knowledgeBases }, actor) => {
      const asked = threatQuestions(findThreat(model, payload.threatId), knowledgeBases).map((q) => q.key);
      return answerQuestion(model, payload, asked, actor);
    }),
  );

  defineResolver(resolver, 'threat-model/take-kb-update', KbUpdateDecision, ({ payload, context }) =>
    changeWithKnowledgeBases(projectKeyOf(context), context.accountId, (model, { knowledgeBases }, actor) =>
      takeKbUpdate(model, payload.threatId, payload.baseRevision, payload.take, knowledgeBases, actor),
    ),
  );
}
