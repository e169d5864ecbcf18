import { AppError } from './app-error';

/** Whether an issue key (PAY-12) belongs to the project (PAY); PAYX-1 does not belong to PAY. */
export const isIssueOfProject = (issueKey: string, projectKey: string): boolean =>
  issueKey.startsWith(`${projectKey}-`);

/** A key sent from a project's page must name an issue of that project, not one elsewhere. */
export function requireIssueOfProject(issueKey: string, projectKey: string): void {
  if (!isIssueOfProject(issueKey, projectKey))
    throw new AppError('BAD_REQUEST', `${issueKey} is not in ${projectKey}.`);
}
