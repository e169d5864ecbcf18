import { auditProject } from './audit';
import { messy, project } from './audit-fixtures';
import type { AuditStory, AuditTask } from './audit-input';
import { withoutRestrictedIssues } from './restricted-issues';

// The app's stored audit leaves out the issues under a security level: the stored result is
// readable by everyone who browses the project, and some of them may not see those issues.

const restrict = <T extends AuditStory | AuditTask>(issue: T): T => ({ ...issue, restricted: true });

describe('the stored audit and issues under a security level', () => {
  const shape = messy();
  const [firstStory, ...openStories] = shape.stories;
  const [firstTask, ...openTasks] = shape.tasks;
  const hiddenStory = { ...firstStory!, summary: 'Acquire Fintech Ltd quietly' };
  const hiddenTask = { ...firstTask!, summary: 'Move the merger data room' };

  it('audits as if the app could not see them, and says how many it left out', () => {
    const input = project({
      ...shape,
      stories: [restrict(hiddenStory), ...openStories],
      tasks: [restrict(hiddenTask), ...openTasks],
    });
    const shared = auditProject(withoutRestrictedIssues(input));
    const unseen = auditProject(project({ ...shape, stories: openStories, tasks: openTasks }));
    expect(shared.restrictedLeftOut).toBe(2);
    expect({ ...shared, restrictedLeftOut: undefined }).toEqual({ ...unseen, restrictedLeftOut: undefined });
    const stored = JSON.stringify(shared);
    for (const issue of [hiddenStory, hiddenTask]) {
      expect(stored).not.toMatch(new RegExp(`"${issue.key}"|${issue.key}[^0-9]`));
      expect(stored).not.toContain(issue.summary);
    }
  });

  it('leaves nothing out when no issue has a level (and says nothing)', () => {
    const input = project(shape);
    expect(auditProject(withoutRestrictedIssues(input))).toEqual(auditProject(input));
    expect(auditProject(withoutRestrictedIssues(input)).restrictedLeftOut).toBeUndefined();
  });

  it('does not report a mitigation whose recorded task it left out as without a task', () => {
    const accepted = shape.mitigations.map((m) => (m.id === 'M-1' ? { ...m, status: 'accepted' as const } : m));
    const input = project({ ...shape, mitigations: accepted, tasks: [restrict(hiddenTask), ...openTasks] });
    const ids = (r: ReturnType<typeof auditProject>) => r.findings.map((f) => f.id);
    // Control: with the task simply gone, M-1 (accepted, recording PAY-100) is reported.
    expect(ids(auditProject(project({ ...shape, mitigations: accepted, tasks: openTasks })))).toContain(
      'mitigation-without-task:M-1',
    );
    expect(ids(auditProject(withoutRestrictedIssues(input)))).not.toContain('mitigation-without-task:M-1');
  });

  it('counts a left-out story only when it has clauses: the scope JQL that finds the others is an administrator’s', () => {
    const noClauses = { ...hiddenStory, key: 'PAY-77', id: '10077', clausesValue: null };
    const input = project({ ...shape, stories: [restrict(hiddenStory), restrict(noClauses), ...openStories] });
    const shared = auditProject(withoutRestrictedIssues(input));
    expect(hiddenStory.clausesValue).not.toBeNull();
    expect(shared.restrictedLeftOut).toBe(1);
    expect(JSON.stringify(shared)).not.toContain('PAY-77');
  });
});
