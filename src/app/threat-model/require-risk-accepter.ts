import { AppError } from '../../domain/common/app-error';
import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import { canEditThreatModel } from '../../jira/client/permissions';
import { isProjectAdmin, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * Whether the person may accept (or revoke) a threat's residual risk: project administrators,
 * and members of the project roles the risk settings name. Jira answers both (role members are
 * read as the app, since Jira shows them only to administrators), never the frontend.
 */
export async function mayAcceptRisk(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  settings: ThreatModelSettings,
): Promise<boolean> {
  const admin = await isProjectAdmin(jira, projectKey);
  if (admin || settings.risk.accepterRoleIds.length === 0) return admin;
  // The same role check as the model's editors, over the accepter roles only.
  return canEditThreatModel(
    jira.user,
    jira.app,
    { projectKey, accountId, isProjectAdmin: false },
    { ...settings, editorRoleIds: settings.risk.accepterRoleIds, editorGroupIds: [] },
  );
}

/** The check before an acceptance is written as the app: refuses anyone else with a clear message. */
export async function requireRiskAccepter(jira: JiraClients, projectKey: string, accountId: string): Promise<void> {
  const { model } = await threatModelOf(jira, projectKey);
  if (!(await mayAcceptRisk(jira, projectKey, accountId, model.settings)))
    throw new AppError(
      'FORBIDDEN',
      `You can't accept or revoke risk in ${projectKey}. Project administrators and the roles named in the app's project settings (Risk) can.`,
    );
}
