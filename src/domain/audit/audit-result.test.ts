import { audit, messy } from './audit-fixtures';
import { AuditResult } from './audit-result';

describe('the stored audit result’s schema', () => {
  const findingId = audit(messy()).findings[0]!.id;
  const result = audit({
    ...messy(),
    suppressions: [
      { findingId, why: 'Accepted until the Q1 PCI audit.', by: '712020:bob', at: '2026-03-01T09:00:00.000Z' },
    ],
  });

  it('reads back what a run stores', () => {
    expect(result.findings.some((f) => f.suppression)).toBe(true);
    expect(AuditResult.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
  });

  it('reads a result stored before a finding kind existed, counting that kind 0', () => {
    const { 'questions-unanswered': _gone, ...byKind } = result.counts.byKind;
    const older = { ...result, counts: { ...result.counts, byKind } };
    expect(AuditResult.parse(older).counts.byKind['questions-unanswered']).toBe(0);
  });

  it('fails a result someone broke: wrong types, an unknown kind, a missing field', () => {
    const [first] = result.findings;
    for (const broken of [
      { ...result, findings: 'none' },
      { ...result, findings: [{ ...first, kind: 'made-up' }] },
      { ...result, counts: { byKind: { 'orphan-task': -1 }, bySeverity: {} } },
      { projectKey: 'PAY' },
    ]) {
      expect(AuditResult.safeParse(broken).success).toBe(false);
    }
  });
});
