import { countedTypesClause, inProject, wrappedScope } from './story-scope';

const settings = (scopeJql: string, issueTypeNames = ['Story']) => ({ issueTypeNames, scopeJql });

describe('the JQL of counted stories', () => {
  it('keeps the project first and the scope in parentheses', () => {
    const jql = inProject(
      'PAY',
      countedTypesClause(settings(''), ['Story', 'Task']),
      wrappedScope(settings('labels = a OR labels = b')),
    );
    expect(jql).toBe('project = "PAY" AND issuetype in ("Story") AND (labels = a OR labels = b)');
  });

  it('has no scope clause when the settings have none', () => {
    expect(wrappedScope(settings('  '))).toBeUndefined();
  });

  it('refuses a stored scope that would close the parenthesis, even when written past the settings page', () => {
    expect(() => wrappedScope(settings('labels = a) OR (project = OTHER'))).toThrow(/closes a parenthesis/);
    expect(() => wrappedScope(settings('labels = a ORDER BY key'))).toThrow(/ORDER BY/);
  });

  it('names only the counted types the project has, in its spelling, quoted', () => {
    expect(countedTypesClause(settings('', ['story', 'User "story"']), ['Story', 'User "story"'])).toBe(
      'issuetype in ("Story", "User \\"story\\"")',
    );
    expect(countedTypesClause(settings('', ['Epic']), ['Story'])).toBeUndefined();
  });
});
