import type { RiskAcceptanceRequest } from '../../contract';
import { acceptThreatRisk } from '../../domain/threat-model/risk-acceptance-change';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { nowIso } from '../common/clock';
import type { JiraClients } from '../common/jira-clients';
import { requireRiskAccepter } from './require-risk-accepter';

/** A person the settings allow accepts a threat's residual risk until a day, with a reason (kept in its history). */
export async function acceptRisk(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, baseRevision, acceptance }: RiskAcceptanceRequest,
): Promise<ThreatView> {
  const actor = { accountId, now: nowIso() };
  const { threat } = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const changed = acceptThreatRisk(model, id, baseRevision, acceptance, actor);
      return { model: changed.model, result: changed };
    },
    { beforeCreate: () => requireRiskAccepter(jira, projectKey, accountId) },
  );
  return threatView(threat);
}
