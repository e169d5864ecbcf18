import { audit, findingsOf, messy, mitigation } from '../audit/audit-fixtures';

describe('the audit finding "verification-failed"', () => {
  it('names a mitigation in place whose newest verification failed, with the result that failed it', () => {
    const [finding] = findingsOf(audit(messy()), 'verification-failed');
    expect(finding).toMatchObject({
      id: 'verification-failed:M-6',
      severity: 'medium',
      entities: { threatIds: ['T-3'], mitigationIds: ['M-6'] },
      message:
        'M-6 "Escape output" is existing but failed verification: CodeQL still reports 1 open result(s) mapped to it (js/xss at src/page.ts:3).',
      fix: { action: 'open-threat', target: { threatId: 'T-3', mitigationId: 'M-6' } },
    });
  });

  it('is gone once a later record passes, and for a mitigation not in place', () => {
    const shape = messy();
    const failed = shape.mitigations.find((m) => m.id === 'M-6')!;
    const pass = { ...failed.verifications![0]!, outcome: 'pass' as const };
    const passed = {
      ...shape,
      mitigations: [
        ...shape.mitigations.filter((m) => m !== failed),
        { ...failed, verifications: [...failed.verifications!, pass] },
      ],
    };
    expect(findingsOf(audit(passed), 'verification-failed')).toEqual([]);
    const planned = mitigation('M-6', [['T-3', 25]], { status: 'planned', verifications: failed.verifications });
    const notInPlace = { ...shape, mitigations: [...shape.mitigations.filter((m) => m !== failed), planned] };
    expect(findingsOf(audit(notInPlace), 'verification-failed')).toEqual([]);
  });
});
