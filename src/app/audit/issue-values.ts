import type { IssueValues } from '../../contract';
import { recordedMitigation, shownValue } from '../../domain/audit/value-fixes';
import { AppError } from '../../domain/common/app-error';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import { readStoryClauses } from '../../domain/story/story-clauses';
import { readIssueForFix } from '../../jira/audit/issue-value-fixes';
import { clausesField } from '../../jira/story/clauses-field';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * An issue's clauses value and task property as they are now, raw, and which mitigation the
 * model records it as the task of: what a fix shows before it writes over either. Read as the
 * person, so Jira answers only for an issue they may see.
 */
export async function issueValues(jira: JiraClients, projectKey: string, issueKey: string): Promise<IssueValues> {
  requireIssueOfProject(issueKey, projectKey);
  const model = threatModelOf(jira, projectKey);
  model.catch(() => undefined); // the issue's refusal comes first
  const issue = await readIssueForFix(jira.user, issueKey, (await clausesField(jira.user)).id);
  if (issue.projectKey !== projectKey)
    throw new AppError('BAD_REQUEST', `${issueKey} is now in ${issue.projectKey}, not in ${projectKey}.`);
  const mitigation = recordedMitigation((await model).model, issue.id);
  return {
    issueKey: issue.key,
    clauses: shownValue(issue.clausesValue),
    clausesReadable: readStoryClauses(issue.clausesValue).problems.length === 0,
    taskProperty: shownValue(issue.taskValue),
    recordedFor: mitigation
      ? { mitigationId: mitigation.id, title: mitigation.title, threatIds: mitigation.addresses.map((a) => a.threatId) }
      : null,
  };
}
