import { type AuditIndex, knownThreats } from '../audit/audit-index';
import { type Finding, newFinding } from '../audit/finding';
import { mitigationName } from '../audit/finding-text';
import { latestVerification, verificationFailed } from './verification-record';

/** Mitigations in place whose newest verification failed (a security test, or a check by hand). */
export function failedVerifications(index: AuditIndex): Finding[] {
  return index.input.model.mitigations.filter(verificationFailed).flatMap((m) => {
    const threats = knownThreats(
      index,
      m.addresses.map((a) => a.threatId),
    );
    if (!threats.some((t) => t.state === 'active')) return [];
    const latest = latestVerification(m)!;
    const why =
      latest.source === 'sarif'
        ? `${latest.tool ?? 'a security test'} still reports ${latest.resultCount ?? latest.results?.length ?? 0} open result(s) mapped to it${latest.results?.[0] ? ` (${latest.results[0].ruleId}${latest.results[0].location ? ` at ${latest.results[0].location}` : ''})` : ''}`
        : `a check by hand failed${latest.note ? `: ${latest.note}` : ''}`;
    return [
      newFinding({
        kind: 'verification-failed',
        key: [m.id],
        threats,
        entities: { threatIds: threats.map((t) => t.id), mitigationIds: [m.id], taskKeys: m.task ? [m.task.key] : [] },
        message: `${mitigationName(m)} is ${m.status} but failed verification: ${why}.`,
        fix: {
          action: 'open-threat',
          label: 'Open the threat',
          target: { threatId: threats[0]!.id, mitigationId: m.id },
        },
      }),
    ];
  });
}
