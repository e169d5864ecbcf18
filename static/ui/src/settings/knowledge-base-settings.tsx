import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { Radio } from '@atlaskit/radio';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { KnowledgeBaseSettings } from '../../../../src/domain/knowledge-base/knowledge-base-settings';
import type { KnowledgeBaseSummary, SettingsView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { ProblemsMessage } from '../common/problems-message';
import { CheckboxLabel } from '../common/checkbox-label';
import { showSuccessFlag } from '../common/success-flag';
import { KnowledgeBaseUpload } from './knowledge-base-upload';

interface Props {
  view: SettingsView;
  onView: (view: SettingsView) => void;
}

const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const listStyles = xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' });

const SOURCE_NAMES: Record<KnowledgeBaseSummary['sourceFormat'], string> = {
  'built-in': 'Built in',
  without: 'Uploaded knowledge base',
  pytm: 'Imported from OWASP pytm',
  tmt: 'Imported from a Microsoft Threat Modeling Tool template',
  'threat-dragon': 'Imported from an OWASP Threat Dragon model',
  otm: 'Imported from an Open Threat Model (OTM) file',
  'threat-composer': 'Imported from an AWS Threat Composer export',
};

const FIELDSET_STYLE = { border: 'none', padding: 0, margin: 0 };
const LEGEND_STYLE = { padding: 0, marginBottom: token('space.075', '6px') };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The knowledge bases suggestions and STRIDE questions come from: which are on, the default list, uploads. Saved at once. */
export function KnowledgeBaseSettingsSection({ view, onView }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [removed, setRemoved] = useState<KnowledgeBaseSummary | undefined>();
  // The choice being saved shows at once; it falls back to the stored one if the save fails.
  const [pending, setPending] = useState<KnowledgeBaseSettings | undefined>();
  const readOnly = !view.canEdit;
  const current = pending ?? view.settings.knowledgeBases;

  async function run(
    action: () => Promise<Envelope<SettingsView>>,
    done?: (next: SettingsView) => void,
  ): Promise<void> {
    setBusy(true);
    setError(undefined);
    const envelope = await action();
    setBusy(false);
    if (!envelope.ok) {
      setError(envelope.error.message);
      return;
    }
    onView(envelope.data);
    done?.(envelope.data);
  }

  async function saveChoice(knowledgeBases: KnowledgeBaseSettings, message: string): Promise<void> {
    setPending(knowledgeBases);
    await run(
      () => callResolver('knowledge-base/save-settings', { knowledgeBases }),
      () => showSuccessFlag('Knowledge bases saved', message),
    );
    setPending(undefined);
  }

  const toggle = (kb: KnowledgeBaseSummary, active: boolean) =>
    saveChoice(
      { ...current, active: active ? [...current.active, kb.id] : current.active.filter((id) => id !== kb.id) },
      `${kb.name} is ${active ? 'on' : 'off'} for suggestions and STRIDE questions in ${view.projectKey}.`,
    );

  const remove = (kb: KnowledgeBaseSummary) =>
    run(
      () => callResolver('knowledge-base/remove', { id: kb.id }),
      () => setRemoved(kb),
    );

  const undoRemove = (kb: KnowledgeBaseSummary) =>
    run(
      () => callResolver('knowledge-base/restore', { id: kb.id, activate: kb.active }),
      () => {
        setRemoved(undefined);
        showSuccessFlag('Knowledge base restored', `${kb.name} is back.`);
      },
    );

  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="small" as="h2">
          Knowledge bases
        </Heading>
        <Text as="p">
          Suggested threats, their mitigations, STRIDE questions and detection events come from the active knowledge
          bases. Changes here are saved at once.
        </Text>
      </Stack>
      <ProblemsMessage problems={view.problems} />

      <fieldset style={FIELDSET_STYLE}>
        <legend style={LEGEND_STYLE}>
          <Text weight="semibold" size="small" color="color.text.subtle">
            Suggestions show first
          </Text>
        </legend>
        <Stack space="space.075">
          {(['top', 'full'] as const).map((mode) => (
            <Radio
              key={mode}
              name="kb-mode"
              value={mode}
              label={
                mode === 'top'
                  ? 'TOP: the short list of threats most stories meet'
                  : 'Full: every threat whose rule matches the story'
              }
              isChecked={current.mode === mode}
              isDisabled={readOnly || busy}
              onChange={() =>
                void saveChoice(
                  { ...current, mode },
                  mode === 'top'
                    ? 'Stories first show the short TOP list.'
                    : 'Stories first show every matching threat.',
                )
              }
            />
          ))}
        </Stack>
      </fieldset>

      <Box as="ul" xcss={listStyles} aria-label="Knowledge bases">
        <Stack space="space.100">
          {view.knowledgeBases.map((kb) => (
            <Box as="li" key={kb.id} xcss={cardStyles} testId={`knowledge-base-${kb.id}`}>
              <Stack space="space.075">
                <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
                  <CheckboxLabel
                    checked={current.active.includes(kb.id)}
                    disabled={readOnly || busy}
                    onChange={(active) => void toggle(kb, active)}
                  >
                    <Text weight="semibold">{kb.name}</Text>
                  </CheckboxLabel>
                  <Inline space="space.100" alignBlock="center">
                    {kb.active ? <Lozenge appearance="success">Active</Lozenge> : <Lozenge>Off</Lozenge>}
                    {!kb.builtIn && !readOnly && (
                      <Button
                        spacing="compact"
                        appearance="subtle"
                        isDisabled={busy}
                        onClick={() => void remove(kb)}
                        aria-label={`Remove ${kb.name}`}
                      >
                        Remove
                      </Button>
                    )}
                  </Inline>
                </Inline>
                <Text size="small" color="color.text.subtle">
                  {`Version ${kb.version} · ${SOURCE_NAMES[kb.sourceFormat]}${kb.file ? ` (${kb.file})` : ''}${kb.uploadedAt ? ` · uploaded ${dateOf(kb.uploadedAt)}` : ''}`}
                </Text>
                <Text size="small">
                  {`${plural(kb.counts.threats, 'threat')} · ${plural(kb.counts.mitigations, 'mitigation')} · ${plural(kb.counts.questions, 'STRIDE question')}`}
                  {kb.threatCount > 0 ? ` · ${plural(kb.threatCount, 'threat')} of this project came from it` : ''}
                </Text>
              </Stack>
            </Box>
          ))}
        </Stack>
      </Box>
      {view.knowledgeBases.every((kb) => !kb.active) && (
        <SectionMessage appearance="warning" title="No knowledge base is active">
          <Text as="p">Stories get no suggested threats and threats no STRIDE questions until one is turned on.</Text>
        </SectionMessage>
      )}

      {removed && (
        <SectionMessage
          appearance="information"
          title={`${removed.name} was removed`}
          actions={[
            <SectionMessageAction key="undo" onClick={() => void undoRemove(removed)}>
              Undo
            </SectionMessageAction>,
          ]}
        >
          <Text as="p">Threats made from it stay in the threat model. Undo brings it back as it was.</Text>
        </SectionMessage>
      )}
      {error !== undefined && (
        <SectionMessage appearance="error" title="Could not change the knowledge bases">
          <Text as="p">{error}</Text>
        </SectionMessage>
      )}

      {readOnly ? (
        <Text as="p" size="small" color="color.text.subtle">
          Only administrators of project {view.projectKey} can choose and upload knowledge bases.
        </Text>
      ) : (
        <KnowledgeBaseUpload
          onUploaded={(result) => {
            onView(result.view);
            setRemoved(undefined);
          }}
        />
      )}
    </Stack>
  );
}
