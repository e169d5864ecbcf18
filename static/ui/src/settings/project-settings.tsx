import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type FormEvent } from 'react';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { showSuccessFlag } from '../common/success-flag';
import { EditorField } from './editor-field';
import { KnowledgeBaseSettingsSection } from './knowledge-base-settings';
import { editorOptions } from './editor-options';
import { MitigationTaskSettings } from './mitigation-task-settings';
import { StoryCoverageSettingsSection, storyCoverageError } from './story-coverage-settings';
import { RiskSettingsSection } from './risk-settings';
import { sameSettings } from './status-mapping';
import { useProjectSettings, type ProjectSettings as Settings } from './use-project-settings';

// The contract allows at most 20 of each.
const MAX_EDITORS = 20;
const PAGE_STYLE = { maxWidth: '40rem' };

export function ProjectSettings() {
  const settings = useProjectSettings();
  const { state } = settings;

  if (state.status === 'loading') return <Loading label="Loading the settings" />;
  if (state.status === 'error') {
    return (
      <Box padding="space.200">
        <ErrorMessage title="Could not load the settings" error={state.error} onRetry={settings.reload} />
      </Box>
    );
  }
  return (
    <Box padding="space.300" style={PAGE_STYLE}>
      <Stack space="space.500">
        <SettingsForm view={state.view} save={settings.save} />
        <KnowledgeBaseSettingsSection view={state.view} onView={settings.show} />
      </Stack>
    </Box>
  );
}

function SettingsForm({ view, save }: { view: SettingsView; save: Settings['save'] }) {
  const [draft, setDraft] = useState<ThreatModelSettings>(view.settings);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const readOnly = !view.canEdit;

  const roleOptions = editorOptions(view.roles, draft.editorRoleIds, (id) => `Unknown role (${id})`);
  const groupOptions = editorOptions(view.groups, draft.editorGroupIds, (id) => `Unknown group (${id})`);
  const roleError = draft.editorRoleIds.length > MAX_EDITORS ? `Pick at most ${MAX_EDITORS} project roles` : undefined;
  const groupError = draft.editorGroupIds.length > MAX_EDITORS ? `Pick at most ${MAX_EDITORS} groups` : undefined;
  const storyErrors = storyCoverageError(draft);
  const storyError = storyErrors.types ?? storyErrors.jql;
  const changed = !sameSettings(draft, view.settings);
  const change = (patch: Partial<ThreatModelSettings>) => setDraft((current) => ({ ...current, ...patch }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly || saving || !changed || roleError || groupError || storyError) return;
    setSaving(true);
    setSaveError(undefined);
    const envelope = await save(draft);
    setSaving(false);
    if (!envelope.ok) {
      setSaveError(envelope.error.message);
      return;
    }
    setDraft(envelope.data.settings);
    showSuccessFlag('Settings saved', `The threat model settings of ${view.projectKey} have changed.`);
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="medium" as="h1">
            Who can edit the threat model
          </Heading>
          <Text as="p">
            Administrators of project {view.projectKey} can always edit its threat model. Members of the project roles
            and groups below can edit it too; everyone who can browse the project can read it.
          </Text>
        </Stack>

        <EditorField
          label="Project roles"
          options={roleOptions}
          selectedIds={draft.editorRoleIds}
          readOnly={readOnly}
          error={roleError}
          emptyText="No project roles"
          onChange={(editorRoleIds) => change({ editorRoleIds })}
        />
        <EditorField
          label="Groups"
          options={groupOptions}
          selectedIds={draft.editorGroupIds}
          readOnly={readOnly}
          error={groupError}
          emptyText="No groups"
          onChange={(editorGroupIds) => change({ editorGroupIds })}
        />

        <MitigationTaskSettings view={view} draft={draft} readOnly={readOnly} onChange={change} />

        <StoryCoverageSettingsSection view={view} draft={draft} readOnly={readOnly} onChange={change} />

        <RiskSettingsSection view={view} draft={draft} readOnly={readOnly} onChange={change} />

        {saveError !== undefined && (
          <SectionMessage appearance="error" title="Could not save the settings">
            <Text as="p">{saveError}</Text>
          </SectionMessage>
        )}

        {readOnly ? (
          <SectionMessage appearance="information" title="Read only">
            <Text as="p">Only administrators of project {view.projectKey} can change these settings.</Text>
          </SectionMessage>
        ) : (
          <Inline space="space.100">
            <Button
              appearance="primary"
              type="submit"
              isDisabled={
                !changed || saving || roleError !== undefined || groupError !== undefined || storyError !== undefined
              }
            >
              {saving ? 'Saving…' : 'Save'}
            </Button>
            <Button appearance="subtle" isDisabled={!changed || saving} onClick={() => setDraft(view.settings)}>
              Discard changes
            </Button>
          </Inline>
        )}
      </Stack>
    </form>
  );
}
