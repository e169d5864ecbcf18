import type { VerificationRulesSave, VerificationView } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';
import { verificationView } from './verification-view';

/** The rule ids the project maps to threats and mitigations: each target must be in the model. */
export async function saveVerificationRules(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { rules, shown }: VerificationRulesSave,
): Promise<VerificationView> {
  await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const known = new Set([...model.threats.map((t) => t.id), ...model.mitigations.map((m) => m.id)]);
      const unknown = rules.find((r) => !known.has(r.target));
      if (unknown)
        throw new AppError(
          'BAD_REQUEST',
          `${unknown.target} is not in this project's threat model (rule ${unknown.ruleId}).`,
        );
      return { model: { ...model, settings: { ...model.settings, verificationRules: rules } }, result: undefined };
    },
    asModelEditor(jira, projectKey, accountId),
  );
  return verificationView({ user: jira.user, app: jira.app }, projectKey, accountId, shown);
}
