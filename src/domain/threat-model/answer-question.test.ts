import { answerQuestion } from './answer-question';
import { answeredCount } from './question-answer';
import { addThreat, emptyThreatModel, type ThreatModel } from './threat-model';

const bob = { accountId: 'bob', now: '2026-11-23T10:00:00.000Z' };
const alice = { accountId: 'alice', now: '2026-11-23T10:00:01.000Z' };
const ASKED = ['web-and-api/WEB-Q-API-S', 'web-and-api/WEB-Q-API-I'];
const [S, I] = ASKED as [string, string];

const oneThreat = (): ThreatModel =>
  addThreat(
    emptyThreatModel(),
    { title: 'Card data stolen', description: '', stride: ['S', 'I'], probability: 4, impact: 5, component: 'api' },
    bob,
  ).model;

describe('answering a STRIDE question', () => {
  it('records the answer, the note (trimmed), who and when, and moves the revision on', () => {
    const { threat } = answerQuestion(
      oneThreat(),
      { threatId: 'T-1', questionKey: S, answer: 'yes', note: ' OAuth client credentials ', expectedAt: null },
      ASKED,
      bob,
    );
    expect(threat.answers).toEqual({
      [S]: { answer: 'yes', note: 'OAuth client credentials', answered: { accountId: 'bob', at: bob.now } },
    });
    expect(threat).toMatchObject({ revision: 2, updated: { accountId: 'bob', at: bob.now } });
    expect(answeredCount(ASKED, threat.answers)).toBe(1);
  });

  it('keeps both answers when two people answer different questions from the same revision', () => {
    const start = oneThreat();
    const first = answerQuestion(
      start,
      { threatId: 'T-1', questionKey: S, answer: 'yes', note: '', expectedAt: null },
      ASKED,
      bob,
    );
    // Alice opened the questions before Bob saved: she names no answer for I, which is still true.
    const second = answerQuestion(
      first.model,
      { threatId: 'T-1', questionKey: I, answer: 'no', note: 'Plain HTTP inside the VPC', expectedAt: null },
      ASKED,
      alice,
    );
    expect(Object.keys(second.threat.answers ?? {}).sort()).toEqual([I, S]);
    expect(second.threat.revision).toBe(3);
  });

  it('refuses a change of an answer someone else gave or changed since, with a conflict', () => {
    const answered = answerQuestion(
      oneThreat(),
      { threatId: 'T-1', questionKey: S, answer: 'yes', note: '', expectedAt: null },
      ASKED,
      bob,
    );
    expect(() =>
      answerQuestion(
        answered.model,
        { threatId: 'T-1', questionKey: S, answer: 'no', note: '', expectedAt: null },
        ASKED,
        alice,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('Someone else answered this question of T-1'),
      }),
    );
    const changed = answerQuestion(
      answered.model,
      { threatId: 'T-1', questionKey: S, answer: 'no', note: 'Only the API key', expectedAt: bob.now },
      ASKED,
      alice,
    );
    expect(changed.threat.answers?.[S]).toMatchObject({ answer: 'no', answered: { accountId: 'alice' } });
  });

  it('clears an answer; clearing nothing changes nothing', () => {
    const answered = answerQuestion(
      oneThreat(),
      { threatId: 'T-1', questionKey: S, answer: 'yes', note: '', expectedAt: null },
      ASKED,
      bob,
    );
    const cleared = answerQuestion(
      answered.model,
      { threatId: 'T-1', questionKey: S, answer: null, note: '', expectedAt: bob.now },
      ASKED,
      alice,
    );
    expect(cleared.threat.answers).toBeUndefined();
    expect(cleared.threat.revision).toBe(3);
    const again = answerQuestion(
      cleared.model,
      { threatId: 'T-1', questionKey: S, answer: null, note: '', expectedAt: null },
      ASKED,
      alice,
    );
    expect(again.model).toBe(cleared.model);
  });

  it('refuses a question the threat is not asked and an unknown threat', () => {
    expect(() =>
      answerQuestion(
        oneThreat(),
        { threatId: 'T-1', questionKey: 'web-and-api/WEB-Q-API-D', answer: 'yes', note: '', expectedAt: null },
        ASKED,
        bob,
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: expect.stringContaining('is not one of the STRIDE questions asked about T-1'),
      }),
    );
    expect(() =>
      answerQuestion(
        oneThreat(),
        { threatId: 'T-9', questionKey: S, answer: 'yes', note: '', expectedAt: null },
        ASKED,
        bob,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
