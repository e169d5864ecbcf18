import { questionKey } from '../threat-model/question-answer';
import type { Threat } from '../threat-model/threat';
import { componentKey, type KnowledgeBase, type StrideQuestion } from './knowledge-base';
import { questionsForThreat } from './suggest';

/**
 * At most this many questions per threat: every answer is stored on the threat, whose record
 * must fit in one shard of the model with its notes (the built-in knowledge base asks six at most).
 */
export const MAX_QUESTIONS_PER_THREAT = 12;

export interface AskedQuestion {
  key: string;
  knowledgeBase: KnowledgeBase;
  question: StrideQuestion;
}

type ThreatShape = Pick<Threat, 'stride' | 'component' | 'source'>;

/**
 * The STRIDE questions asked about a threat: those of the knowledge base it was created from
 * when that one is active and has questions, else of the first active one with questions
 * (see questionsForThreat for which ones). Ordered S, T, R, I, D, E.
 */
export function threatQuestions(threat: ThreatShape, knowledgeBases: readonly KnowledgeBase[]): AskedQuestion[] {
  const own = threat.source.kind === 'knowledge-base' ? threat.source.knowledgeBaseId : undefined;
  const kb =
    knowledgeBases.find((k) => k.id === own && k.questions.length > 0) ??
    knowledgeBases.find((k) => k.questions.length > 0);
  if (!kb) return [];
  return questionsForThreat(kb, threat)
    .slice(0, MAX_QUESTIONS_PER_THREAT)
    .map((question) => ({ key: questionKey(kb.id, question.id), knowledgeBase: kb, question }));
}

/**
 * threatQuestions for many threats: threats with the same source knowledge base, categories and
 * component get the same questions, worked out once (a model has many threats, few shapes).
 */
export function questionAsker(knowledgeBases: readonly KnowledgeBase[]): (threat: ThreatShape) => AskedQuestion[] {
  const cache = new Map<string, AskedQuestion[]>();
  return (threat) => {
    const own = threat.source.kind === 'knowledge-base' ? threat.source.knowledgeBaseId : '';
    const shape = `${own}\u0000${[...threat.stride].sort().join('')}\u0000${componentKey(threat.component)}`;
    let asked = cache.get(shape);
    if (!asked) {
      asked = threatQuestions(threat, knowledgeBases);
      cache.set(shape, asked);
    }
    return asked;
  };
}
