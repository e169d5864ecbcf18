import { Inline, Text } from '@atlaskit/primitives';
import type { TaskSummary } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';

/** A mitigation's backlog task: its key as a link, and its Jira status. */
export function TaskLink({ task }: { task: TaskSummary }) {
  return (
    <Inline space="space.050" alignBlock="baseline">
      <Text size="small">
        <IssueLink issueKey={task.key} />
      </Text>
      <Text size="small" color="color.text.subtle">
        {task.statusName}
      </Text>
    </Inline>
  );
}
