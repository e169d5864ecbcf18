import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useEffect, useRef, useState } from 'react';
import type { SprintWarning } from '../../../../src/contract';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import { callResolver } from '../api/invoke-resolver';
import { DisabledFix, threatModelReason } from '../audit/disabled-fix';
import { InlineError } from '../common/inline-error';
import { MitigationDialog } from '../threat-model/mitigation-dialog';
import { readModelAround, withMitigation, type ModelAroundThreat } from '../threat-model/model-around-threat';
import { GapMessage } from './gap-message';
import type { GapFixes } from './use-gap-fixes';

const LABEL = 'Add a mitigation';

/**
 * A planned story's threat with no mitigation at all, and its fix in place: the Threat model
 * tab's form for a new mitigation of that threat (saved by `mitigation/add`, which checks the
 * person may edit the model). Once one is added the plan is read again: the gap leaves the list
 * and the mitigation is work to pull in.
 */
export function AddMitigationGap({ gap, fixes }: { gap: SprintWarning; fixes: GapFixes }) {
  const threatId = gap.threatId ?? '';
  const [model, setModel] = useState<ModelAroundThreat>();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string>();
  // Read, not rendered: the dialog saves and closes in one go, before the next render.
  const added = useRef<string>(undefined);
  // The opener stays mounted under the dialog: focus goes back to it once the dialog is gone
  // (the modal's own return of focus can land before its focus lock lets go).
  const opener = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || model) return;
    setRefocus(false);
    opener.current?.focus();
  }, [refocus, model]);
  const threat = model?.full.threats.get(threatId);

  const open = async () => {
    if (opening) return;
    setOpening(true);
    // The model as it is now: the threat may be gone, or the person may no longer edit it.
    const envelope = await readModelAround(threatId);
    setOpening(false);
    if (!envelope.ok) return setError(envelope.error.message);
    if (!envelope.data.full.threats.has(threatId)) return setError(`${threatId} is no longer in the threat model.`);
    if (!envelope.data.canEdit) return setError(threatModelReason(envelope.data.projectKey, 'add a mitigation'));
    setError(undefined);
    setModel(envelope.data);
  };
  const close = () => {
    setModel(undefined);
    const id = added.current;
    added.current = undefined;
    if (id) void fixes.mitigationAdded(gap, id);
    else setRefocus(true);
  };
  const dialogModel = {
    addMitigation: async (draft: MitigationDraft) => {
      const envelope = await callResolver('mitigation/add', { draft });
      if (envelope.ok) {
        added.current = envelope.data.id;
        setModel((current) => current && withMitigation(current, envelope.data));
      }
      return envelope;
    },
    // The dialog only adds here; an edit is made on the Threat model tab.
    updateMitigation: (id: string, baseRevision: number, draft: MitigationDraft) =>
      callResolver('mitigation/update', { id, baseRevision, draft }),
    reload: async () => {
      const envelope = await readModelAround(threatId);
      if (envelope.ok) setModel(envelope.data);
      return envelope;
    },
  };

  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          <GapMessage message={gap.message} storyKey={gap.storyKey} />
        </Text>
        {fixes.canEditThreatModel !== false && (
          <Button
            // Not disabled while the model is read: a disabled button drops the focus it holds.
            ref={opener}
            spacing="compact"
            aria-label={`${LABEL} to ${threatId}`}
            aria-busy={opening || undefined}
            onClick={() => void open()}
          >
            {opening ? 'Opening…' : LABEL}
          </Button>
        )}
      </Inline>
      {fixes.canEditThreatModel === false && (
        <DisabledFix label={LABEL} reason={threatModelReason(fixes.projectKey, 'add a mitigation')} />
      )}
      {error && <InlineError>{error}</InlineError>}
      {model && threat && (
        <MitigationDialog
          target={{ kind: 'add', threat }}
          threats={model.threats}
          model={dialogModel}
          onClose={close}
        />
      )}
    </Stack>
  );
}
