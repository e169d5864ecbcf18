import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useContext, useState } from 'react';
import type { AuditView, ModelPart, UnreadableModelPart } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { ConfirmInline } from '../common/confirm-inline';
import { downloadFile } from '../common/download-file';
import { showSuccessFlag } from '../common/success-flag';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone, useFocusNext } from './fix-focus';
import { OpenThreatModelTab } from './open-threat-model';
import { RawValue } from './raw-value';
import { useShownValues } from './use-shown-values';
import type { useAudit } from './use-audit';

interface Props {
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

const REMOVE = 'Remove this unreadable part';

/**
 * The fix for a threat model the app cannot read whole: each part it cannot read, raw as Jira
 * holds it, with a download of the whole value and what removing it does. A project
 * administrator may remove one part, after a question that says it cannot be undone except from
 * the download; the removal names the value shown (its digest), then the project is audited again.
 */
export function ModelValuesFix({ label, view, busy, act, onError }: Props) {
  const { values, loading, load, forget } = useShownValues(() => callResolver('audit/model-values', {}), onError);
  const [confirming, setConfirming] = useState<number>();
  const { done, sayDone, line } = useFixDone(view);
  const opener = useFocusNext<HTMLButtonElement>();
  const openTab = useContext(OpenThreatModelTab);
  const close = () => {
    opener.focusNext();
    setConfirming(undefined);
    forget();
  };
  if (done) return <DoneLine text={done} focusRef={line.ref} />;
  if (!values)
    return (
      <Inline space="space.050" shouldWrap alignBlock="center">
        <Button ref={opener.ref} isDisabled={busy || loading} onClick={() => void load()}>
          {loading ? 'Reading…' : label}
        </Button>
        {openTab && (
          <Button appearance="subtle" onClick={openTab}>
            Open the threat model
          </Button>
        )}
      </Inline>
    );
  const remove = async (shown: UnreadableModelPart) => {
    const failed = await act(
      'audit/remove-model-part',
      { part: shown.part, digest: shown.digest },
      `Removing ${shown.name}`,
    );
    onError(failed);
    // Refused: back to the button, to read the parts again (one may have changed).
    if (failed) return close();
    sayDone(`Removed ${shown.name}. The audit runs again.`);
    showSuccessFlag(`Removed ${shown.name}`);
  };
  return (
    <Stack space="space.200" alignInline="start">
      {values.parts.length === 0 && (
        <Text size="small">Every part of the threat model can be read now. Run the audit again.</Text>
      )}
      {values.parts.map((shown, i) => (
        <PartView
          key={partKey(shown.part)}
          shown={shown}
          view={view}
          canRemove={values.canRemove}
          confirming={confirming === i}
          busy={busy}
          onConfirm={() => setConfirming(i)}
          onCancel={() => setConfirming(undefined)}
          onRemove={() => void remove(shown)}
          onError={onError}
        />
      ))}
      {values.more > 0 && (
        <Text size="small" color="color.text.subtle">
          {`And ${values.more.toLocaleString('en')} more unreadable parts, listed once these are dealt with.`}
        </Text>
      )}
      <Button appearance="subtle" onClick={close}>
        Close
      </Button>
    </Stack>
  );
}

interface PartProps {
  shown: UnreadableModelPart;
  view: AuditView;
  canRemove: boolean;
  confirming: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onRemove: () => void;
  onError: (message: string | undefined) => void;
}

/** One unreadable part: its raw value, its size, what removing it does, Download and Remove. */
function PartView({ shown, view, canRemove, confirming, busy, onConfirm, onCancel, onRemove, onError }: PartProps) {
  const opener = useFocusNext<HTMLButtonElement>();
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setDownloading(true);
    const read = await callResolver('audit/model-values', { part: shown.part });
    setDownloading(false);
    const whole = read.ok ? read.data.parts[0]?.whole : undefined;
    if (!read.ok || whole === undefined) return onError(read.ok ? 'That part could not be read.' : read.error.message);
    onError(undefined);
    downloadFile(fileName(shown.part), whole, 'application/json');
  };
  const reason = !canRemove
    ? `Only administrators of ${view.projectKey} can remove an unreadable part of the threat model.`
    : shown.refusal;
  return (
    <Stack space="space.075" alignInline="start">
      <RawValue
        label={shown.name}
        value={{ text: shown.text, truncated: shown.truncated, fingerprint: shown.digest }}
        whole="Download saves the whole value"
      />
      <Text size="small" color="color.text.subtle">
        {`${shown.size.toLocaleString('en')} characters stored. ${shown.consequence}`}
      </Text>
      <Button isDisabled={downloading} onClick={() => void download()} aria-label={`Download ${shown.name}`}>
        {downloading ? 'Reading…' : 'Download'}
      </Button>
      {reason ? (
        <DisabledFix label={REMOVE} reason={reason} />
      ) : confirming ? (
        <ConfirmInline
          question={`Remove ${shown.name}? This cannot be undone, except by restoring the download through Jira’s REST API.`}
          confirm={{ label: 'Remove it', onClick: onRemove }}
          onCancel={() => {
            opener.focusNext();
            onCancel();
          }}
          busy={busy}
        />
      ) : (
        <Button ref={opener.ref} isDisabled={busy} onClick={onConfirm}>
          {REMOVE}
        </Button>
      )}
    </Stack>
  );
}

const partKey = (part: ModelPart): string =>
  part.kind === 'meta' ? 'meta' : part.kind === 'shard' ? `shard-${part.shard}` : `entry-${part.shard}-${part.entry}`;

/** The download's name: the property it comes from, and which entry. */
const fileName = (part: ModelPart): string =>
  part.kind === 'meta'
    ? 'without.model.json'
    : part.kind === 'shard'
      ? `without.model.shard.${part.shard}.json`
      : `without.model.shard.${part.shard}.entry-${part.entry + 1}.json`;
