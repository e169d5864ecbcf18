import type { Threat } from '../../domain/threat-model/threat';
import type { Actor, ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { nowIso } from '../common/clock';
import type { JiraClients } from '../common/jira-clients';
import { requireRiskAccepter } from './require-risk-accepter';

/**
 * Writes one change to a threat's risk acceptance as the app, once Jira has said the person may
 * accept risk (the check runs under the model's lease); answers the threat as it now stands.
 */
export async function changeAcceptance(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  change: (model: ThreatModel, actor: Actor) => { model: ThreatModel; threat: Threat },
  threatId: string,
): Promise<ThreatView> {
  const actor = { accountId, now: nowIso() };
  const { threat } = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const changed = change(model, actor);
      return { model: changed.model, result: changed };
    },
    { beforeCreate: () => requireRiskAccepter(jira, projectKey, accountId), touching: [threatId] },
  );
  return threatView(threat);
}
