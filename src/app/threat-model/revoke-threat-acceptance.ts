import type { AcceptanceRevocation } from '../../contract';
import { revokeThreatAcceptance } from '../../domain/threat-model/risk-acceptance-change';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import type { JiraClients } from '../common/jira-clients';
import { changeAcceptance } from './change-acceptance';

/** Ends a threat's risk acceptance (the audit asks for a mitigation again); kept in its history with who and why. */
export function revokeAcceptance(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, baseRevision, reason }: Required<AcceptanceRevocation>,
): Promise<ThreatView> {
  return changeAcceptance(
    jira,
    projectKey,
    accountId,
    (model, actor) => revokeThreatAcceptance(model, id, baseRevision, reason, actor),
    id,
  );
}
