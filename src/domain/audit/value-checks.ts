import type { AuditIndex } from './audit-index';
import { type Finding, newFinding } from './finding';
import { issueName } from './finding-text';

// Values that could not be read: the threat model's shards, a story's clauses field, a task's
// property. Anyone can write the latter two through Jira's REST API; each is a finding, never a crash.

export function modelUnreadable(index: AuditIndex): Finding[] {
  const problems = index.input.modelProblems;
  if (problems.length === 0) return [];
  return [
    newFinding({
      kind: 'model-unreadable',
      key: [],
      threats: [],
      entities: {},
      message: `The threat model of ${index.input.projectKey} could not be read completely, so this audit may miss findings or report wrong ones: ${problems.join(' ')}`,
      fix: { action: 'fix-value', label: 'Review the unreadable parts', target: {} },
    }),
  ];
}

export function invalidStoryClauses(index: AuditIndex): Finding[] {
  return index.stories
    .filter((s) => s.problems.length > 0)
    .map(({ story, problems }) =>
      newFinding({
        kind: 'invalid-story-clauses',
        key: [story.key],
        threats: [],
        entities: { storyKeys: [story.key] },
        message: `${issueName(story)}: ${problems.join(' ')}`,
        fix: { action: 'fix-value', label: 'Review the unreadable value', target: { storyKey: story.key } },
      }),
    );
}

export function invalidTaskProperties(index: AuditIndex): Finding[] {
  return index.tasks.flatMap(({ task, problem }) =>
    problem === undefined
      ? []
      : [
          newFinding({
            kind: 'invalid-task-property',
            key: [task.key],
            threats: [],
            entities: { taskKeys: [task.key] },
            message: `${issueName(task)} is not readable as a mitigation task: ${problem}. The app cannot tell which mitigation it carries.`,
            fix: { action: 'fix-value', label: 'Review the task property', target: { taskKey: task.key } },
          }),
        ],
  );
}
