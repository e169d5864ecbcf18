import { acceptanceState, severityRise, severityRiseText } from '../threat-model/threat-acceptance';
import { activeThreats, type AuditIndex } from './audit-index';
import { type Finding, newFinding } from './finding';
import { quote, threatName } from './finding-text';

/**
 * Active threats whose accepted risk has run out, by date or because the threat is now rated
 * more severe than what was accepted: they count as unmitigated again, so this finding stands in
 * for "needs a mitigation" until someone renews the acceptance or lets it lapse.
 */
export function expiredAcceptances(index: AuditIndex): Finding[] {
  return activeThreats(index).flatMap((t) => {
    const { acceptance } = t;
    if (!acceptance || acceptanceState(acceptance, index.input.now, t) !== 'expired') return [];
    const rise = severityRise(acceptance, t);
    const message = rise
      ? `The accepted risk of ${threatName(t)} no longer holds: ${severityRiseText(rise)} (accepted because ${quote(acceptance.reason)}): accept it again at its new severity or mitigate the threat.`
      : `The accepted risk of ${threatName(t)} expired after ${acceptance.until} (accepted because ${quote(acceptance.reason)}): renew the acceptance or mitigate the threat.`;
    return [
      newFinding({
        kind: 'acceptance-expired',
        key: [t.id],
        threats: [t],
        entities: { threatIds: [t.id] },
        message,
        fix: { action: 'review-acceptance', label: 'Renew or let it lapse', target: { threatId: t.id } },
      }),
    ];
  });
}
