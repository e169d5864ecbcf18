import { TitledDialog } from '../common/titled-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { MitigationView, ThreatModelView, ThreatRow } from '../../../../src/contract';
import { MitigationForm } from '../mitigation/mitigation-form';
import { mitigationConflict } from '../common/conflict';
import { RevisionedEditNotices, useRevisionedEdit } from './revisioned-edit';
import { MitigationVersion } from './mitigation-version';
import { showSuccessFlag } from '../common/success-flag';
import type { ThreatModel } from './use-threat-model';

export type MitigationTarget = { kind: 'add'; threat: ThreatRow } | { kind: 'edit'; mitigation: MitigationView };

// What a mitigation starts with when added from a threat: it addresses that threat, averagely.
const STARTING_STRENGTH = 50;

interface Props {
  target: MitigationTarget;
  threats: ThreatModelView['threats'];
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
          <EditMitigation mitigation={target.mitigation} threats={threats} model={model} onClose={onClose} />
        )}
      </Stack>
    </TitledDialog>
  );
}

/** Threats a mitigation can be set to address: the active ones, and any it addresses already. */
function formThreats(threats: ThreatRow[], addressed: string[] = []): Array<{ id: string; title: string }> {
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

function EditMitigation({
  mitigation,
  threats,
  model,
  onClose,
}: Omit<Props, 'target'> & { mitigation: MitigationView }) {
  const edit = useRevisionedEdit<MitigationView, MitigationDraft>({
    item: mitigation,
    update: (baseRevision, draft) => model.updateMitigation(mitigation.id, baseRevision, draft),
    reload: model.reload,
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
