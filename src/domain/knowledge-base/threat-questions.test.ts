import { builtInKnowledgeBase } from './active-knowledge-bases';
import { KnowledgeBase, type KnowledgeBaseInput } from './knowledge-base';
import { MAX_QUESTIONS_PER_THREAT, questionAsker, threatQuestions } from './threat-questions';

const manual = { kind: 'manual' } as const;
const fromKb = (knowledgeBaseId: string) =>
  ({ kind: 'knowledge-base', knowledgeBaseId, templateId: 'X', version: '1' }) as const;

const ownKb = (questionCount = 1): KnowledgeBase =>
  KnowledgeBase.parse({
    format: 'without-kb/1',
    id: 'own',
    name: 'Our questions',
    version: '1',
    source: { format: 'without' },
    threats: [],
    mitigations: [],
    questions: Array.from({ length: questionCount }, (_, i) => ({
      id: `OWN-${i + 1}`,
      stride: 'I',
      topic: 'encryption-in-transit',
      componentKind: 'api',
      text: `Own question ${i + 1}?`,
      why: 'Because.',
    })),
  } satisfies KnowledgeBaseInput);
const noQuestions = (): KnowledgeBase => ({ ...ownKb(), id: 'empty', questions: [] });

describe('threatQuestions', () => {
  it('asks the built-in questions of a manual threat, keyed by knowledge base and question, S to E', () => {
    const asked = threatQuestions({ stride: ['I', 'S'], component: 'api', source: manual }, [builtInKnowledgeBase()]);
    expect(asked.map((q) => q.key)).toEqual(['web-and-api/WEB-Q-API-S', 'web-and-api/WEB-Q-API-I']);
    expect(asked[0]?.knowledgeBase.id).toBe('web-and-api');
  });

  it("asks the threat's own knowledge base first when it is active and has questions", () => {
    const kbs = [builtInKnowledgeBase(), ownKb()];
    expect(threatQuestions({ stride: ['I'], component: 'api', source: fromKb('own') }, kbs).map((q) => q.key)).toEqual([
      'own/OWN-1',
    ]);
    // Its own one without questions, or not active: the first active one with questions.
    expect(
      threatQuestions({ stride: ['I'], component: 'api', source: fromKb('empty') }, [
        noQuestions(),
        builtInKnowledgeBase(),
      ]).map((q) => q.key),
    ).toEqual(['web-and-api/WEB-Q-API-I']);
    expect(
      threatQuestions({ stride: ['I'], component: 'api', source: fromKb('gone') }, [
        ownKb(),
        builtInKnowledgeBase(),
      ]).map((q) => q.key),
    ).toEqual(['own/OWN-1']);
  });

  it('asks nothing when no active knowledge base has questions', () => {
    expect(threatQuestions({ stride: ['I'], component: 'api', source: manual }, [noQuestions()])).toEqual([]);
    expect(threatQuestions({ stride: ['I'], component: 'api', source: manual }, [])).toEqual([]);
  });

  it(`asks at most ${MAX_QUESTIONS_PER_THREAT}, so a threat with its answers fits its shard`, () => {
    expect(threatQuestions({ stride: ['I'], component: 'api', source: manual }, [ownKb(30)])).toHaveLength(
      MAX_QUESTIONS_PER_THREAT,
    );
  });

  it('works a shape out once for many threats, with the same answer as one at a time', () => {
    const ask = questionAsker([builtInKnowledgeBase()]);
    const first = ask({ stride: ['T', 'I'], component: 'Checkout web page', source: manual });
    expect(ask({ stride: ['I', 'T'], component: ' checkout WEB page', source: manual })).toBe(first);
    expect(first).toEqual(
      threatQuestions({ stride: ['T', 'I'], component: 'Checkout web page', source: manual }, [builtInKnowledgeBase()]),
    );
    expect(first.map((q) => q.question.stride)).toEqual(['T', 'I']);
  });
});

describe('component kinds', () => {
  it('asks a threat named "Data store" (the label accepting a template writes) the data-store questions', () => {
    const byKind = threatQuestions({ stride: ['I'], component: 'data-store', source: manual }, [
      builtInKnowledgeBase(),
    ]).map((q) => q.question.id);
    const byLabel = threatQuestions({ stride: ['I'], component: ' Data store ', source: manual }, [
      builtInKnowledgeBase(),
    ]).map((q) => q.question.id);
    expect(byKind).toEqual(['WEB-Q-DATA-STORE-I']);
    expect(byLabel).toEqual(byKind);
  });
});
