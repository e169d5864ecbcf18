import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { CategoryMapping } from './category-mapping';
import { SelectField } from './select-field';
import { StatusOverrides } from './status-overrides';

interface Props {
  view: SettingsView;
  draft: ThreatModelSettings;
  readOnly: boolean;
  onChange: (patch: Partial<ThreatModelSettings>) => void;
}

/** The issue type of new mitigation tasks, and how a task's Jira status sets its mitigation's status. */
export function MitigationTaskSettings({ view, draft, readOnly, onChange }: Props) {
  const typeOptions = view.issueTypes.map((name) => ({ value: name, label: name }));
  if (!view.issueTypes.includes(draft.taskIssueTypeName)) {
    typeOptions.push({
      value: draft.taskIssueTypeName,
      label: `${draft.taskIssueTypeName} (not in project ${view.projectKey})`,
    });
  }

  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="small" as="h2">
          Mitigation tasks
        </Heading>
        <Text as="p">
          An accepted mitigation becomes a backlog task. While it has one, the mitigation&apos;s status follows the
          task&apos;s status in Jira, and with it the project&apos;s risk.
        </Text>
      </Stack>
      <SelectField
        label="Issue type of new tasks"
        options={typeOptions}
        value={draft.taskIssueTypeName}
        readOnly={readOnly}
        onChange={(taskIssueTypeName) => onChange({ taskIssueTypeName })}
      />
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Status by category
        </Heading>
        <CategoryMapping
          mapping={draft.statusMapping}
          readOnly={readOnly}
          onChange={(statusMapping) => onChange({ statusMapping })}
        />
      </Stack>
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Status overrides
        </Heading>
        <Text as="p" size="small" color="color.text.subtle">
          A status of your workflow can stand for another mitigation status than its category does, for example In
          Review for Implemented.
        </Text>
        <StatusOverrides
          mapping={draft.statusMapping}
          statuses={view.statuses}
          readOnly={readOnly}
          onChange={(statusMapping) => onChange({ statusMapping })}
        />
      </Stack>
    </Stack>
  );
}
