import { AppError } from '../common/app-error';
import { acceptThreatRisk, revokeThreatAcceptance } from './risk-acceptance-change';
import {
  ACCEPTANCE_HISTORY_MAX,
  acceptanceState,
  checkUntil,
  latestUntil,
  RiskAcceptance,
  severityRise,
  severityRiseText,
} from './threat-acceptance';
import { addThreat, editThreat, emptyThreatModel, setThreatState, type ThreatModel } from './threat-model';
import { Threat } from './threat';

const NOW = '2026-03-01T09:00:00.000Z';
const alice = { accountId: 'alice', now: NOW };
const draft = { title: 'Settlement report altered', stride: ['T' as const], probability: 2, impact: 4 };
const model = (): ThreatModel =>
  addThreat(emptyThreatModel(), { ...draft, description: '', component: '' }, alice).model;
const reason = 'Finance reconciles every payout by hand';

describe('risk acceptance', () => {
  it('holds through its last day and has expired the day after', () => {
    const acceptance = { accountId: 'alice', at: NOW, reason, until: '2026-03-01' };
    const rated = { probability: 2, impact: 4 };
    expect(acceptanceState(undefined, NOW, rated)).toBe('none');
    expect(acceptanceState(acceptance, '2026-03-01T23:59:59.000Z', rated)).toBe('accepted');
    expect(acceptanceState(acceptance, '2026-03-02T00:00:00.000Z', rated)).toBe('expired');
  });

  it('is of the severity accepted: raised above it by anyone, the acceptance lapses, also through retire and reactivate', () => {
    const low = addThreat(
      emptyThreatModel(),
      { ...draft, probability: 1, impact: 1, description: '', component: '' },
      alice,
    );
    const accepted = acceptThreatRisk(low.model, 'T-1', 1, { reason, until: '2026-06-30' }, alice);
    expect(accepted.threat.acceptance?.severity).toEqual({ probability: 1, impact: 1 });
    expect(acceptanceState(accepted.threat.acceptance, NOW, accepted.threat)).toBe('accepted');
    const bob = { accountId: 'bob', now: NOW };
    const { description, component, stride, title } = accepted.threat;
    const raised = editThreat(
      accepted.model,
      'T-1',
      2,
      { title, description, component, stride, probability: 5, impact: 5 },
      bob,
    );
    expect(acceptanceState(raised.threat.acceptance, NOW, raised.threat)).toBe('expired');
    expect(severityRiseText(severityRise(raised.threat.acceptance!, raised.threat)!)).toBe(
      'accepted at severity 1; now 25',
    );
    const retired = setThreatState(raised.model, 'T-1', 3, 'retired', bob);
    const back = setThreatState(retired.model, 'T-1', 4, 'active', bob).threat;
    expect(back.acceptance?.severity).toEqual({ probability: 1, impact: 1 });
    expect(acceptanceState(back.acceptance, NOW, back)).toBe('expired');
    // Lowered, or kept at the same severity, it holds.
    expect(acceptanceState(accepted.threat.acceptance, NOW, { probability: 1, impact: 1 })).toBe('accepted');
  });

  it('keeps an acceptance stored before the severity was recorded holding until its date', () => {
    const old = RiskAcceptance.parse({ accountId: 'alice', at: NOW, reason, until: '2026-06-30' });
    expect(severityRise(old, { probability: 5, impact: 5 })).toBeUndefined();
    expect(acceptanceState(old, NOW, { probability: 5, impact: 5 })).toBe('accepted');
  });

  it('runs from tomorrow up to a year ahead, and says so otherwise', () => {
    expect(latestUntil(NOW)).toBe('2027-03-01');
    expect(() => checkUntil('2026-03-02', NOW)).not.toThrow();
    expect(() => checkUntil('2027-03-01', NOW)).not.toThrow();
    expect(() => checkUntil('2026-03-01', NOW)).toThrow('a day after today (2026-03-01)');
    expect(() => checkUntil('2027-03-02', NOW)).toThrow('at most 365 days: choose 2027-03-01 or earlier');
    expect(() => checkUntil('2026-02-30', NOW)).toThrow('is not a date');
  });

  it('records who accepted, when and why, and keeps it in the history with the revocation', () => {
    const accepted = acceptThreatRisk(model(), 'T-1', 1, { reason, until: '2026-06-30' }, alice);
    expect(accepted.threat).toMatchObject({
      revision: 2,
      acceptance: { accountId: 'alice', at: NOW, reason, until: '2026-06-30' },
      acceptanceHistory: [{ action: 'accepted', accountId: 'alice', at: NOW, reason, until: '2026-06-30' }],
    });
    // What is stored reads back with the threat's schema.
    expect(Threat.parse(JSON.parse(JSON.stringify(accepted.threat)))).toMatchObject({
      acceptance: { until: '2026-06-30' },
    });

    const bob = { accountId: 'bob', now: '2026-04-01T08:00:00.000Z' };
    const revoked = revokeThreatAcceptance(accepted.model, 'T-1', 2, 'The manual check stopped', bob);
    expect(revoked.threat.acceptance).toBeUndefined();
    expect(revoked.threat.acceptanceHistory!.map((e) => [e.action, e.accountId, e.reason])).toEqual([
      ['accepted', 'alice', reason],
      ['revoked', 'bob', 'The manual check stopped'],
    ]);
  });

  it('treats a retry of the same acceptance as done, and refuses one from an older revision', () => {
    const first = acceptThreatRisk(model(), 'T-1', 1, { reason, until: '2026-06-30' }, alice);
    expect(acceptThreatRisk(first.model, 'T-1', 1, { reason, until: '2026-06-30' }, alice).model).toBe(first.model);
    expect(() => acceptThreatRisk(first.model, 'T-1', 1, { reason, until: '2026-07-31' }, alice)).toThrow(
      'Someone else changed T-1',
    );
  });

  it('refuses a retired threat, a revocation without an acceptance, and a date out of range', () => {
    const retired = setThreatState(model(), 'T-1', 1, 'retired', alice).model;
    expect(() => acceptThreatRisk(retired, 'T-1', 2, { reason, until: '2026-06-30' }, alice)).toThrow('retired');
    expect(() => revokeThreatAcceptance(model(), 'T-1', 1, '', alice)).toThrow('nothing to revoke');
    expect(() => acceptThreatRisk(model(), 'T-1', 1, { reason, until: '2028-01-01' }, alice)).toThrow(AppError);
  });

  it('keeps fields a newer version wrote on an acceptance and its history when it accepts again', () => {
    const stored = Threat.parse({
      ...model().threats[0],
      acceptance: { accountId: 'bob', at: NOW, reason, until: '2026-04-01', ticket: 'RISK-7' },
      acceptanceHistory: [
        { action: 'accepted', accountId: 'bob', at: NOW, reason, until: '2026-04-01', ticket: 'RISK-7' },
      ],
    });
    const base = { ...model(), threats: [stored] };
    const { threat } = acceptThreatRisk(base, 'T-1', 1, { reason, until: '2026-05-01' }, alice);
    expect(threat.acceptanceHistory![0]).toMatchObject({ ticket: 'RISK-7' });
    expect(threat.acceptanceHistory).toHaveLength(2);
  });

  it('keeps a bounded history, the newest entries', () => {
    let current = model();
    for (let i = 0; i < ACCEPTANCE_HISTORY_MAX + 5; i++) {
      const until = `2026-04-${String(i + 1).padStart(2, '0')}`;
      current = acceptThreatRisk(current, 'T-1', i + 1, { reason: `${reason} ${i}`, until }, alice).model;
    }
    const history = current.threats[0]!.acceptanceHistory!;
    expect(history).toHaveLength(ACCEPTANCE_HISTORY_MAX);
    expect(history[history.length - 1]!.reason).toBe(`${reason} ${ACCEPTANCE_HISTORY_MAX + 4}`);
  });
});
