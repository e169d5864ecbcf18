import type { AcceptanceRevocation } from '../../contract';
import { revokeThreatAcceptance } from '../../domain/threat-model/risk-acceptance-change';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { nowIso } from '../common/clock';
import type { JiraClients } from '../common/jira-clients';
import { requireRiskAccepter } from './require-risk-accepter';

/** Ends a threat's risk acceptance (the audit asks for a mitigation again); kept in its history with who and why. */
export async function revokeAcceptance(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, baseRevision, reason }: Required<AcceptanceRevocation>,
): Promise<ThreatView> {
  const actor = { accountId, now: nowIso() };
  const { threat } = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const changed = revokeThreatAcceptance(model, id, baseRevision, reason, actor);
      return { model: changed.model, result: changed };
    },
    { beforeCreate: () => requireRiskAccepter(jira, projectKey, accountId) },
  );
  return threatView(threat);
}
