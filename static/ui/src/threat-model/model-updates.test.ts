import { listRows, type ThreatModelView } from '../../../../src/contract';
import { NO_FULL_THREATS, withAnswer, type FullThreats } from './full-threats';
import { fullWithThreat, indexWithThreat, withMitigation } from './model-updates';
import {
  aMitigationView,
  aThreatModel,
  aThreatRow,
  asIndexView,
  savedThreat,
  threatsPage,
  type ThreatModelFixture,
} from './test-support/threat-model-mother';

// T-1 (severity 12) has M-1 in place at 50 %: residual 6. T-2 (severity 20) has no mitigation.
const M1 = aMitigationView({ id: 'M-1', status: 'implemented', addresses: [{ threatId: 'T-1', strength: 50 }] });
const T1 = aThreatRow({
  id: 'T-1',
  probability: 3,
  impact: 4,
  risk: { residual: 6, planned: 6, fullyMitigated: false },
});
const T2 = aThreatRow({
  id: 'T-2',
  probability: 4,
  impact: 5,
  risk: { residual: 20, planned: 20, fullyMitigated: false },
});
const MODEL: ThreatModelFixture = aThreatModel({
  threats: [T1, T2],
  mitigations: [M1],
  risk: { now: 26, planned: 26, inherent: 32 },
});

const view = (): ThreatModelView => asIndexView(MODEL);
const rowOf = (v: ThreatModelView, id: string) => listRows(v.index).find((r) => r.id === id)!;
/** The full rows of `ids` as the tab holds them once read. */
const read = (...ids: string[]): FullThreats => withAnswer(NO_FULL_THREATS, ids, threatsPage(MODEL, ids));

describe('putting a saved threat in place', () => {
  it('scales the risk read by the new rating, since what its mitigations leave does not depend on it', () => {
    const saved = savedThreat('T-1', { ...T1, probability: 5, impact: 4 }, 2);
    const next = indexWithThreat(view(), saved, NO_FULL_THREATS);
    expect(rowOf(next, 'T-1')).toMatchObject({ revision: 2, severity: { score: 20 }, risk: { residual: 10 } });
    expect(next.risk).toEqual({ now: 30, planned: 30, inherent: 40 });
  });

  it('adds a threat just created at its full severity, and reads it in full at once (it has nothing else)', () => {
    const created = savedThreat(
      'T-3',
      { title: 'Replayed refunds', description: '', stride: ['R'], probability: 4, impact: 5, component: '' },
      1,
    );
    const next = indexWithThreat(view(), created, NO_FULL_THREATS);
    expect(rowOf(next, 'T-3')).toMatchObject({
      risk: { residual: 20 },
      mitigationCount: 0,
      storiesJql: 'threat = "T-3"',
    });
    expect(next.risk.now).toBe(46);
    const full = fullWithThreat(NO_FULL_THREATS, created, view());
    expect(full.threats.get('T-3')).toMatchObject({ title: 'Replayed refunds', questionKeys: [] });
    expect(full.mitigations.get('T-3')).toEqual([]);
  });

  it('leaves a retired threat out of the project risk', () => {
    const retired = { ...savedThreat('T-2', T2, 2), state: 'retired' as const };
    expect(indexWithThreat(view(), retired, NO_FULL_THREATS).risk).toEqual({ now: 6, planned: 6, inherent: 12 });
  });

  it('drops an acceptance revoked from the full row, not only from the index', () => {
    const accepted = {
      accountId: 'alice',
      at: '2025-03-01T10:00:00.000Z',
      reason: 'Low exposure',
      until: '2025-04-01',
    };
    const withAcceptance: ThreatModelFixture = { ...MODEL, threats: [{ ...T1, acceptance: accepted }, T2] };
    const full = withAnswer(NO_FULL_THREATS, ['T-1'], threatsPage(withAcceptance, ['T-1']));
    expect(full.threats.get('T-1')?.acceptance).toEqual(accepted);
    const revoked = savedThreat('T-1', T1, 2);
    const next = fullWithThreat(full, revoked, asIndexView(withAcceptance));
    expect(next.threats.get('T-1')).not.toHaveProperty('acceptance');
    expect(next.threats.get('T-1')?.acceptanceState).toBe('none');
  });

  it('leaves the full rows alone for a threat not read in full', () => {
    const full = read('T-2');
    expect(fullWithThreat(full, savedThreat('T-1', T1, 2), view())).toBe(full);
  });
});

describe('putting a saved mitigation in place', () => {
  it('works out the risk and count of the threats read in full that it addresses, in their rows and the index', () => {
    const added = aMitigationView({ id: 'M-2', status: 'implemented', addresses: [{ threatId: 'T-2', strength: 75 }] });
    const next = withMitigation(view(), read('T-1', 'T-2'), added);
    expect(next.full.mitigations.get('T-2')!.map((m) => m.id)).toEqual(['M-2']);
    expect(next.full.threats.get('T-2')).toMatchObject({ risk: { residual: 5 }, mitigationCount: 1 });
    expect(rowOf(next.view, 'T-2')).toMatchObject({ risk: { residual: 5 }, mitigationCount: 1 });
    expect(rowOf(next.view, 'T-1')).toMatchObject({ risk: { residual: 6 }, mitigationCount: 1 });
    expect(next.view.risk.now).toBe(11);
  });

  it('takes a mitigation out of a threat it no longer addresses', () => {
    const moved = { ...M1, revision: 2, addresses: [{ threatId: 'T-2', strength: 50 as const }] };
    const next = withMitigation(view(), read('T-1', 'T-2'), moved);
    expect(next.full.mitigations.get('T-1')).toEqual([]);
    expect(rowOf(next.view, 'T-1')).toMatchObject({ risk: { residual: 12 }, mitigationCount: 0 });
    expect(rowOf(next.view, 'T-2')).toMatchObject({ risk: { residual: 10 }, mitigationCount: 1 });
  });

  it('leaves the index of a threat not read in full as it was: the model is read again after every mitigation saved', () => {
    const added = aMitigationView({ id: 'M-2', status: 'implemented', addresses: [{ threatId: 'T-2', strength: 75 }] });
    const next = withMitigation(view(), read('T-1'), added);
    expect(rowOf(next.view, 'T-2')).toEqual(rowOf(view(), 'T-2'));
  });
});

describe('an answer of full rows', () => {
  it('keeps a row the page saved since the read began, and forgets a threat the model has no more', () => {
    const full = fullWithThreat(read('T-1', 'T-2'), savedThreat('T-1', { ...T1, title: 'Saved since' }, 5), view());
    const next = withAnswer(full, ['T-1', 'T-2'], threatsPage({ ...MODEL, threats: [T1] }, ['T-1', 'T-2']));
    expect(next.threats.get('T-1')?.title).toBe('Saved since');
    expect(next.threats.has('T-2')).toBe(false);
  });
});
