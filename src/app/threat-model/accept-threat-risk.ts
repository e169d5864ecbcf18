import type { RiskAcceptanceRequest } from '../../contract';
import { acceptThreatRisk } from '../../domain/threat-model/risk-acceptance-change';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import type { JiraClients } from '../common/jira-clients';
import { changeAcceptance } from './change-acceptance';

/** A person the settings allow accepts a threat's residual risk until a day, with a reason (kept in its history). */
export function acceptRisk(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, baseRevision, acceptance }: RiskAcceptanceRequest,
): Promise<ThreatView> {
  return changeAcceptance(
    jira,
    projectKey,
    accountId,
    (model, actor) => acceptThreatRisk(model, id, baseRevision, acceptance, actor),
    id,
  );
}
