import type { Mitigation } from '../mitigation/mitigation';
import { answeredCount } from '../threat-model/question-answer';
import type { StrideCategory } from '../threat-model/stride';
import type { Threat } from '../threat-model/threat';
import { pendingKbUpdates, type KbUpdate } from './kb-update';
import type { KnowledgeBase } from './knowledge-base';
import { questionAsker } from './threat-questions';

/** A STRIDE question as the threat model view lists it, once, by question key. */
export interface StrideQuestionView {
  stride: StrideCategory;
  topic: string;
  text: string;
  /** Why it matters: what goes wrong when the answer is no. */
  why: string;
  knowledgeBaseName: string;
}

/** What the active knowledge bases add to a threat's row. */
export interface ThreatKnowledge {
  /** Keys of the STRIDE questions asked about it, S to E (into the view's question catalogue). */
  questionKeys: string[];
  /** How many of them the team answered. */
  answeredQuestions: number;
  /** Set when a newer version of its knowledge base changes its template. */
  kbUpdate?: KbUpdate;
}

/** The questions asked about the model's threats (each once) and, per threat, its questions and pending update. */
export function threatKnowledgeView(
  model: { threats: Threat[]; mitigations: Mitigation[] },
  knowledgeBases: readonly KnowledgeBase[],
): { questions: Record<string, StrideQuestionView>; byThreat: Map<string, ThreatKnowledge> } {
  const ask = questionAsker(knowledgeBases);
  const updates = pendingKbUpdates(model, knowledgeBases);
  const questions: Record<string, StrideQuestionView> = {};
  const byThreat = new Map<string, ThreatKnowledge>();
  for (const threat of model.threats) {
    const asked = ask(threat);
    for (const { key, knowledgeBase, question } of asked) {
      questions[key] ??= {
        stride: question.stride,
        topic: question.topic,
        text: question.text,
        why: question.why,
        knowledgeBaseName: knowledgeBase.name,
      };
    }
    const questionKeys = asked.map((q) => q.key);
    const kbUpdate = updates.get(threat.id);
    byThreat.set(threat.id, {
      questionKeys,
      answeredQuestions: answeredCount(questionKeys, threat.answers),
      ...(kbUpdate ? { kbUpdate } : {}),
    });
  }
  return { questions, byThreat };
}
