import { threatQuestions } from '../../domain/knowledge-base/threat-questions';
import { answerQuestion, type QuestionAnswerChange } from '../../domain/threat-model/answer-question';
import { findThreat } from '../../domain/threat-model/threat-model';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import type { JiraClients } from '../common/jira-clients';
import { changeWithKnowledgeBases } from './change-with-knowledge-bases';

/** The team's answer to one of a threat's STRIDE questions: only a question its knowledge bases ask. */
export const answerThreatQuestion = (
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  edit: QuestionAnswerChange,
): Promise<ThreatView> =>
  changeWithKnowledgeBases(
    jira,
    projectKey,
    accountId,
    (model, { knowledgeBases }, actor) => {
      const asked = threatQuestions(findThreat(model, edit.threatId), knowledgeBases).map((q) => q.key);
      return answerQuestion(model, edit, asked, actor);
    },
    edit.threatId,
  );
