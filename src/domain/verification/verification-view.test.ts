import { emptyThreatModel, type ThreatModel } from '../threat-model/threat-model';
import { aThreat } from '../threat-model/threat-mother';
import { mitigation } from '../audit/audit-fixtures';
import type { VerificationRecord } from './verification-record';
import { VERIFICATION_PAGE, verificationOf } from './verification-view';

// The Verification tab answers a page of mitigations, each with its newest record only: at
// 10,000 mitigations the whole list was 4 MB.

const record = (outcome: VerificationRecord['outcome'], at: string): VerificationRecord => ({
  source: 'manual',
  outcome,
  evidence: '',
  note: at,
  recorded: { accountId: '712020:alice', at },
});

/** 120 mitigations of T-1..T-3 (M-7 rejected), M-30 and M-99 failed, M-40 failed then passed. */
function model(): ThreatModel {
  const threats = [1, 2, 3].map((n) => aThreat(`T-${n}`));
  const mitigations = Array.from({ length: 120 }, (_, i) => {
    const id = `M-${i + 1}`;
    const over =
      id === 'M-7'
        ? { status: 'rejected' as const }
        : id === 'M-30' || id === 'M-99'
          ? { verifications: [record('pass', '2026-01-01'), record('fail', '2026-02-01')] }
          : id === 'M-40'
            ? { verifications: [record('fail', '2026-01-01'), record('pass', '2026-02-01')] }
            : {};
    return mitigation(id, [[`T-${(i % 3) + 1}`, 50]], over);
  });
  return {
    ...emptyThreatModel(),
    threats,
    mitigations: mitigations.reverse(),
    settings: { ...emptyThreatModel().settings, verificationRules: [{ ruleId: 'js/xss', target: 'M-99' }] },
  };
}

describe('the Verification tab, a page at a time', () => {
  it('answers a page of mitigations by number, each with its newest record and its threats named', () => {
    const page = verificationOf(model(), { offset: 0, failedOnly: false });
    expect(page.total).toBe(119);
    expect(page.failedCount).toBe(2);
    expect(page.mitigations).toHaveLength(VERIFICATION_PAGE);
    expect(page.mitigations.map((m) => m.id).slice(5, 8)).toEqual(['M-6', 'M-8', 'M-9']);
    const m30 = page.mitigations.find((m) => m.id === 'M-30')!;
    expect(m30).toMatchObject({ failed: true, latest: { outcome: 'fail', note: '2026-02-01' } });
    expect(m30.threats).toEqual([{ id: 'T-3', title: 'Threat T-3' }]);
    expect(page.mitigations.find((m) => m.id === 'M-40')).toMatchObject({ failed: false, latest: { outcome: 'pass' } });
    expect(page.mitigations.find((m) => m.id === 'M-1')?.latest).toBeNull();
    expect(page.ruleTargets).toEqual([{ id: 'M-99', title: 'Mitigation M-99' }]);
  });

  it('moves an offset inside a page, or past the end, to the start of that page or the last one', () => {
    expect(verificationOf(model(), { offset: 60, failedOnly: false }).shown.offset).toBe(50);
    const last = verificationOf(model(), { offset: 5000, failedOnly: false });
    expect(last.shown.offset).toBe(100);
    expect(last.mitigations.map((m) => m.id).at(-1)).toBe('M-120');
  });

  it('lists only the failed ones on request, still counting every failure', () => {
    const failed = verificationOf(model(), { offset: 0, failedOnly: true });
    expect(failed.mitigations.map((m) => m.id)).toEqual(['M-30', 'M-99']);
    expect(failed).toMatchObject({ total: 2, failedCount: 2, shown: { offset: 0, failedOnly: true } });
  });
});
