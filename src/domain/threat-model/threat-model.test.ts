import { severityBand, severityOf } from './severity';
import { ThreatDraft } from './threat';
import { addThreat, editThreat, emptyThreatModel, setThreatState } from './threat-model';

const actor = { accountId: 'a', now: '2026-11-23T10:00:00.000Z' };
const draft = (title: string): ThreatDraft => ({
  title,
  description: '',
  stride: ['I'],
  probability: 4,
  impact: 5,
  component: 'Checkout',
});

describe('severity', () => {
  it.each([
    [1, 'Low'],
    [4, 'Low'],
    [5, 'Medium'],
    [9, 'Medium'],
    [10, 'High'],
    [16, 'High'],
    [17, 'Critical'],
    [25, 'Critical'],
  ])('scores %i as %s', (score, band) => expect(severityBand(score)).toBe(band));

  it('is probability times impact', () =>
    expect(severityOf({ probability: 4, impact: 5 })).toEqual({ score: 20, band: 'Critical' }));
});

describe('a threat draft', () => {
  it('explains each invalid value in words a person can act on', () => {
    const result = ThreatDraft.safeParse({ title: 'x', stride: [], probability: 0, impact: 6, component: 'c' });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'A threat needs a title of at least 3 characters',
      'Pick at least one STRIDE category',
      'Probability must be between 1 and 5',
      'Impact must be between 1 and 5',
    ]);
    expect(ThreatDraft.safeParse({ ...draft('Card data'), stride: ['X'] }).error?.issues[0]?.message).toBe(
      'Pick STRIDE categories from S, T, R, I, D and E',
    );
    expect(ThreatDraft.safeParse({ ...draft('Card data'), impact: 2.5 }).error?.issues[0]?.message).toBe(
      'Impact must be a whole number between 1 and 5',
    );
  });
});

describe('the threat model', () => {
  it('numbers threats T-1, T-2… and never reuses a number', () => {
    let model = emptyThreatModel();
    ({ model } = addThreat(model, draft('One'), actor));
    const { model: withTwo, threat } = addThreat(model, draft('Two'), actor);
    expect(threat).toMatchObject({
      id: 'T-2',
      revision: 1,
      state: 'active',
      source: { kind: 'manual' },
      created: { accountId: 'a' },
    });
    const lostOne = { ...withTwo, threats: withTwo.threats.filter((t) => t.id !== 'T-2'), nextThreatNumber: 1 };
    expect(addThreat(lostOne, draft('Three'), actor).threat.id).toBe('T-2');
    expect(addThreat({ ...withTwo, nextThreatNumber: 1 }, draft('Three'), actor).threat.id).toBe('T-3');
  });

  it('accepts an edit from the current revision and refuses a stale one', () => {
    const { model, threat } = addThreat(emptyThreatModel(), draft('Card data disclosed in transit'), actor);
    const edited = editThreat(
      model,
      threat.id,
      1,
      { ...draft('Card data disclosed in transit'), impact: 4 },
      { ...actor, accountId: 'b' },
    );
    expect(edited.threat).toMatchObject({
      impact: 4,
      revision: 2,
      updated: { accountId: 'b' },
      created: { accountId: 'a' },
    });
    expect(() => editThreat(edited.model, threat.id, 1, draft('Mine'), actor)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => editThreat(edited.model, 'T-9', 1, draft('Mine'), actor)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('retires and reactivates a threat, each a new revision', () => {
    const { model, threat } = addThreat(emptyThreatModel(), draft('Old threat'), actor);
    const retired = setThreatState(model, threat.id, 1, 'retired', actor);
    expect(retired.threat).toMatchObject({ state: 'retired', revision: 2 });
    expect(setThreatState(retired.model, threat.id, 2, 'active', actor).threat).toMatchObject({
      state: 'active',
      revision: 3,
    });
  });
});

describe('a retried edit', () => {
  const actor = { accountId: 'alice', now: '2026-12-01T10:00:00.000Z' };
  const draft = {
    title: 'Card data read in transit',
    description: '',
    stride: ['I' as const],
    probability: 3,
    impact: 4,
    component: '',
  };
  const base = () => addThreat(emptyThreatModel(), draft, actor).model;

  it('is recognised as the edit already stored, not a conflict with the person’s own change', () => {
    const edited = editThreat(base(), 'T-1', 1, { ...draft, probability: 5 }, actor);
    const again = editThreat(edited.model, 'T-1', 1, { ...draft, probability: 5 }, actor);
    expect(again.threat).toEqual(edited.threat);
    expect(again.model).toBe(edited.model);
  });

  it('still conflicts when someone else, or other values, started from the same revision', () => {
    const edited = editThreat(base(), 'T-1', 1, { ...draft, probability: 5 }, actor);
    expect(() =>
      editThreat(edited.model, 'T-1', 1, { ...draft, probability: 5 }, { ...actor, accountId: 'bob' }),
    ).toThrow(/Someone else changed T-1/);
    expect(() => editThreat(edited.model, 'T-1', 1, { ...draft, probability: 4 }, actor)).toThrow(
      /Someone else changed T-1/,
    );
  });
});
