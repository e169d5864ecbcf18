import { AppError } from './app-error';
import { isIssueOfProject, requireIssueOfProject } from './issue-key';

describe('an issue key and a project', () => {
  it('matches an issue of the project', () => {
    expect(isIssueOfProject('PAY-12', 'PAY')).toBe(true);
    expect(() => requireIssueOfProject('PAY-12', 'PAY')).not.toThrow();
  });

  it.each([
    ['PAYX-1', 'PAY'],
    ['PAY-1', 'PA'],
    ['OPS-3', 'PAY'],
  ])('refuses %s in %s', (issueKey, projectKey) => {
    expect(isIssueOfProject(issueKey, projectKey)).toBe(false);
    expect(() => requireIssueOfProject(issueKey, projectKey)).toThrow(
      new AppError('BAD_REQUEST', `${issueKey} is not in ${projectKey}.`),
    );
  });
});
