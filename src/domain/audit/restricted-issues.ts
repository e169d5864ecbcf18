import type { AuditInput } from './audit-input';

// The app's audit runs as the app. A Jira administrator may let the app see issues under a
// security level (a level that grants the app's project role) that some people who browse the
// project may not see, and the result the app stores (findings, their kinds and linked threats,
// the story index) is in project properties every one of them can read through the REST API,
// whatever a view filters. So the stored audit leaves such issues out, as an app outside the
// level would, and says how many it left out; `npx without audit`, run as a person, sees what
// they see. https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/

/**
 * The input without the issues under a security level, and how many were left out. Counted are
 * only the tasks and the stories with clauses: searches nobody can steer find those. A story
 * without clauses is in the input because the counted issue types and the story scope JQL match
 * it, and a project administrator writes that JQL: counting such stories would answer their
 * questions about restricted issues ("summary ~ password"), one audit run a question.
 */
export function withoutRestrictedIssues(input: AuditInput): AuditInput {
  const stories = input.stories.filter((s) => !s.restricted);
  const tasks = input.tasks.filter((t) => !t.restricted);
  const withClauses = input.stories.filter((s) => s.restricted && hasClausesValue(s.clausesValue));
  const leftOut = withClauses.length + input.tasks.length - tasks.length;
  const restrictedTaskIds = input.tasks.filter((t) => t.restricted).map((t) => t.id);
  return { ...input, stories, tasks, restrictedLeftOut: leftOut, restrictedTaskIds };
}

/** Whether the clauses field has a value (any, even a broken one): the story search found the story by it. */
export const hasClausesValue = (value: unknown): boolean => value !== undefined && value !== null;
