import { acceptanceState } from '../threat-model/threat-acceptance';
import { activeThreats, type AuditIndex } from './audit-index';
import { type Finding, newFinding } from './finding';
import { quote, threatName } from './finding-text';

/**
 * Active threats whose accepted risk has run out: they count as unmitigated again, so this
 * finding stands in for "needs a mitigation" until someone renews the acceptance or lets it lapse.
 */
export function expiredAcceptances(index: AuditIndex): Finding[] {
  return activeThreats(index).flatMap((t) => {
    const { acceptance } = t;
    if (!acceptance || acceptanceState(acceptance, index.input.now) !== 'expired') return [];
    return [
      newFinding({
        kind: 'acceptance-expired',
        key: [t.id],
        threats: [t],
        entities: { threatIds: [t.id] },
        message: `The accepted risk of ${threatName(t)} expired after ${acceptance.until} (accepted because ${quote(acceptance.reason)}): renew the acceptance or mitigate the threat.`,
        fix: { action: 'review-acceptance', label: 'Renew or let it lapse', target: { threatId: t.id } },
      }),
    ];
  });
}
