import { TitledDialog } from '../common/titled-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import { useState } from 'react';
import type { MitigationRow, MitigationView, ThreatDetails, ThreatRow, ThreatListRow } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { useResolverView } from '../common/use-resolver-view';
import { MitigationForm } from '../mitigation/mitigation-form';
import { mitigationConflict } from '../common/conflict';
import { RevisionedEditNotices, useRevisionedEdit } from './revisioned-edit';
import { MitigationVersion } from './mitigation-version';
import { showSuccessFlag } from '../common/success-flag';
import type { ThreatModel } from './use-threat-model';

/** Editing names the threat the mitigation was opened from, whose details hold it in full. */
export type MitigationTarget =
  { kind: 'add'; threat: ThreatRow } | { kind: 'edit'; mitigation: MitigationRow; threatId?: string };

// What a mitigation starts with when added from a threat: it addresses that threat, averagely.
const STARTING_STRENGTH = 50;

interface Props {
  target: MitigationTarget;
  threats: ThreatListRow[];
  model: Pick<ThreatModel, 'addMitigation' | 'updateMitigation' | 'reload'>;
  onClose: () => void;
}

export function MitigationDialog({ target, threats, model, onClose }: Props) {
  const title = target.kind === 'add' ? `Add mitigation to ${target.threat.id}` : `Edit ${target.mitigation.id}`;
  return (
    <TitledDialog title={title} width="large" onClose={onClose}>
      <Stack space="space.200">
        {target.kind === 'add' ? (
          <AddMitigation threat={target.threat} threats={threats} model={model} onClose={onClose} />
        ) : (
          <EditMitigation
            mitigation={target.mitigation}
            threatId={target.threatId ?? target.mitigation.addresses[0]?.threatId ?? ''}
            threats={threats}
            model={model}
            onClose={onClose}
          />
        )}
      </Stack>
    </TitledDialog>
  );
}

/** Threats a mitigation can be set to address: the active ones, and any it addresses already. */
function formThreats(threats: ThreatListRow[], addressed: string[] = []): Array<{ id: string; title: string }> {
  return threats
    .filter((t) => t.state === 'active' || addressed.includes(t.id))
    .map(({ id, title }) => ({ id, title }));
}

function AddMitigation({ threat, threats, model, onClose }: Omit<Props, 'target'> & { threat: ThreatRow }) {
  async function add(draft: MitigationDraft): Promise<string | undefined> {
    const envelope = await model.addMitigation(draft);
    if (!envelope.ok) return envelope.error.message;
    showSuccessFlag(`${envelope.data.id} added`, envelope.data.title);
    onClose();
    return undefined;
  }
  return (
    <MitigationForm
      threats={formThreats(threats)}
      initial={{ addresses: [{ threatId: threat.id, strength: STARTING_STRENGTH }] }}
      submitLabel="Add mitigation"
      onSubmit={add}
      onCancel={onClose}
    />
  );
}

type EditProps = Omit<Props, 'target'> & { threatId: string };

/**
 * The threat table lists mitigations without their texts (threat-model/get stays small): the
 * dialog reads the mitigation in full, with the threat it was opened from, before the form shows.
 */
function EditMitigation({ mitigation, ...props }: EditProps & { mitigation: MitigationRow }) {
  // A mitigation saved from this page is in its list in full already (model-updates).
  if (isFull(mitigation)) return <EditLoadedMitigation mitigation={mitigation} {...props} />;
  return <LoadMitigation mitigation={mitigation} {...props} />;
}

const isFull = (mitigation: MitigationRow): mitigation is MitigationView =>
  'implementation' in mitigation && 'verification' in mitigation && 'created' in mitigation;

function LoadMitigation({ mitigation, threatId, ...props }: EditProps & { mitigation: MitigationRow }) {
  const [payload] = useState(() => ({ id: threatId }));
  const details = useResolverView('threat-model/threat-details', payload);
  if (details.state.status === 'loading') return <Loading label={`Loading ${mitigation.id}`} />;
  if (details.state.status === 'error')
    return (
      <ErrorMessage
        title={`${mitigation.id} could not be loaded`}
        error={details.state.error}
        onRetry={() => void details.load()}
      />
    );
  const full = details.state.view.mitigations.find((m) => m.id === mitigation.id);
  if (!full)
    return <Text as="p">{`${mitigation.id} no longer addresses ${threatId}. Close this and reload the page.`}</Text>;
  return <EditLoadedMitigation mitigation={full} threatId={threatId} {...props} />;
}

function EditLoadedMitigation({
  mitigation,
  threatId,
  threats,
  model,
  onClose,
}: EditProps & { mitigation: MitigationView }) {
  const edit = useRevisionedEdit<MitigationView, MitigationDraft, ThreatDetails>({
    item: mitigation,
    update: (baseRevision, draft) => model.updateMitigation(mitigation.id, baseRevision, draft),
    // The page's list follows too; the dialog shows the saved version in full.
    reload: async () => {
      void model.reload();
      return callResolver('threat-model/threat-details', { id: threatId });
    },
    find: (data) => data.mitigations.find((m) => m.id === mitigation.id),
    onClose,
  });
  return (
    <>
      <RevisionedEditNotices
        id={mitigation.id}
        noun="mitigation"
        message={mitigationConflict(mitigation.id)}
        notice={edit.notice}
        onReload={() => void edit.reload()}
        renderCurrent={(current) => <MitigationVersion mitigation={current} />}
      />
      {mitigation.task && (
        <Text as="p" color="color.text.subtle">
          While {mitigation.task.key} exists, the status of {mitigation.id} follows the task&apos;s status in Jira.
        </Text>
      )}
      <MitigationForm
        threats={formThreats(
          threats,
          mitigation.addresses.map((a) => a.threatId),
        )}
        initial={draftOf(mitigation)}
        submitLabel="Save"
        onSubmit={edit.save}
        onCancel={onClose}
      />
    </>
  );
}

function draftOf(mitigation: MitigationView): Partial<MitigationDraft> {
  const { title, implementation, verification, controlType, addresses, rejectionReason } = mitigation;
  // The stored status: the task's status shows over it, but is not the mitigation's to save.
  return {
    title,
    implementation,
    verification,
    controlType,
    addresses,
    status: mitigation.storedStatus,
    rejectionReason,
  };
}
