import { audit, clean, findingsOf, threat } from './audit-fixtures';

const answered = (answer: 'yes' | 'no' | 'not-applicable') => ({
  answer,
  note: '',
  answered: { accountId: 'bob', at: '2026-02-01T10:00:00.000Z' },
});

describe('audit: questions-unanswered', () => {
  const keys = { 'T-1': ['web-and-api/api-T', 'web-and-api/api-I', 'web-and-api/api-E'] };

  it('reports an active critical threat with unanswered STRIDE questions, counting them', () => {
    const base = clean();
    const partly = threat('T-1', { title: 'Card data stolen', answers: { 'web-and-api/api-T': answered('no') } });
    const [finding, ...more] = findingsOf(
      audit({ ...base, threats: [partly], questionKeys: keys }),
      'questions-unanswered',
    );
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      id: 'questions-unanswered:T-1',
      severity: 'critical',
      score: 20,
      entities: { threatIds: ['T-1'], storyKeys: [] },
      fix: { action: 'answer-questions', label: 'Answer its STRIDE questions', target: { threatId: 'T-1' } },
    });
    expect(finding?.message).toBe('T-1 "Card data stolen" (Critical) has 2 of 3 STRIDE questions unanswered.');
  });

  it('counts "no" and "not applicable" as answered, and ignores answers to questions no longer asked', () => {
    const base = clean();
    const all = threat('T-1', {
      answers: {
        'web-and-api/api-T': answered('no'),
        'web-and-api/api-I': answered('not-applicable'),
        'web-and-api/api-E': answered('yes'),
      },
    });
    expect(findingsOf(audit({ ...base, threats: [all], questionKeys: keys }), 'questions-unanswered')).toEqual([]);
    const stale = threat('T-1', { answers: { 'old-kb/Q-1': answered('yes') } });
    expect(
      findingsOf(audit({ ...base, threats: [stale], questionKeys: keys }), 'questions-unanswered')[0]?.message,
    ).toContain('3 of 3');
  });

  it('does not report a threat below critical, a retired one, one without questions, or when no questions were read', () => {
    const base = clean();
    const high = threat('T-1', { probability: 4, impact: 4 });
    expect(findingsOf(audit({ ...base, threats: [high], questionKeys: keys }), 'questions-unanswered')).toEqual([]);
    const retired = threat('T-1', { state: 'retired' });
    expect(findingsOf(audit({ ...base, threats: [retired], questionKeys: keys }), 'questions-unanswered')).toEqual([]);
    expect(findingsOf(audit({ ...base, questionKeys: { 'T-1': [] } }), 'questions-unanswered')).toEqual([]);
    expect(findingsOf(audit({ ...base, questionKeys: {} }), 'questions-unanswered')).toEqual([]);
    const { questionKeys: _none, ...unread } = base;
    expect(findingsOf(audit(unread), 'questions-unanswered')).toEqual([]);
  });
});
