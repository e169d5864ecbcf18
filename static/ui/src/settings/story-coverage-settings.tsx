import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useId } from 'react';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { MAX_SCOPE_JQL, scopeJqlProblem } from '../../../../src/domain/audit/story-coverage-settings';
import { EditorField } from './editor-field';

interface Props {
  view: SettingsView;
  draft: ThreatModelSettings;
  readOnly: boolean;
  onChange: (patch: Partial<ThreatModelSettings>) => void;
}

/** What is wrong with the story settings, for the form to show and to keep Save off. */
export function storyCoverageError(settings: ThreatModelSettings): { types?: string; jql?: string } {
  const { issueTypeNames, scopeJql } = settings.storyCoverage;
  const jql = scopeJql.trim();
  return {
    ...(issueTypeNames.length === 0 ? { types: 'Pick at least one issue type' } : {}),
    ...(Array.from(jql).length > MAX_SCOPE_JQL
      ? { jql: `The JQL is at most ${MAX_SCOPE_JQL} characters` }
      : scopeJqlProblem(jql)
        ? { jql: scopeJqlProblem(jql) }
        : {}),
  };
}

/** Which issues are stories for coverage and "Story needs threat modeling": issue types and an optional JQL. */
export function StoryCoverageSettingsSection({ view, draft, readOnly, onChange }: Props) {
  const jqlId = useId();
  const { issueTypeNames, scopeJql } = draft.storyCoverage;
  const errors = storyCoverageError(draft);
  const known = new Set(view.issueTypes.map((t) => t.toLowerCase()));
  const options = [
    ...view.issueTypes.map((name) => ({ value: name, label: name })),
    ...issueTypeNames
      .filter((name) => !known.has(name.toLowerCase()))
      .map((name) => ({ value: name, label: `${name} (not in project ${view.projectKey})` })),
  ];
  const change = (patch: Partial<ThreatModelSettings['storyCoverage']>) =>
    onChange({ storyCoverage: { ...draft.storyCoverage, ...patch } });

  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="small" as="h2">
          Stories that need WITHOUT clauses
        </Heading>
        <Text as="p">
          A story of these issue types that has no WITHOUT clause, but that the active knowledge bases&apos; rules
          match, is an audit finding and a gap in the sprint view. Coverage counts these stories: those with clauses,
          out of those with clauses or matched by the rules.
        </Text>
      </Stack>
      <EditorField
        label="Issue types that are stories"
        options={options}
        selectedIds={issueTypeNames}
        readOnly={readOnly}
        error={errors.types}
        emptyText="No issue type"
        onChange={(ids) => change({ issueTypeNames: ids })}
      />
      {readOnly ? (
        <Stack space="space.050">
          <Text weight="semibold" size="small" color="color.text.subtle">
            Only stories this JQL finds
          </Text>
          <Text>{scopeJql.trim() || 'Every story of the project'}</Text>
        </Stack>
      ) : (
        <Stack space="space.050">
          <Label htmlFor={jqlId}>Only stories this JQL finds (optional)</Label>
          <Textfield
            id={jqlId}
            value={scopeJql}
            placeholder="e.g. labels != spike AND created >= -365d"
            isInvalid={errors.jql !== undefined}
            aria-describedby={`${jqlId}-help`}
            onChange={(event) => change({ scopeJql: event.currentTarget.value })}
          />
          <div id={`${jqlId}-help`}>
            {errors.jql !== undefined ? (
              <ErrorMessage>{errors.jql}</ErrorMessage>
            ) : (
              <HelperMessage>
                Read as project = {view.projectKey} AND (your JQL): it narrows the project&apos;s stories, never reaches
                beyond them. No ORDER BY.
              </HelperMessage>
            )}
          </div>
        </Stack>
      )}
    </Stack>
  );
}
