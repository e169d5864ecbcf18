import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ThreatRow, ThreatsAnswer } from '../../../../src/contract';
import { STRIDE_NAMES } from '../../../../src/domain/threat-model/stride';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { TitledDialog } from '../common/titled-dialog';
import { SeverityLozenge } from './severity-lozenge';
import { ThreatForm } from './threat-form';
import { conflictWhileEditing } from '../common/conflict';
import { RevisionedEditNotices, useRevisionedEdit } from './revisioned-edit';
import { showSuccessFlag } from '../common/success-flag';
import type { ThreatModel } from './use-threat-model';

export type DialogTarget = { kind: 'create' } | { kind: 'edit'; threat: ThreatRow };

interface Props {
  target: DialogTarget;
  model: Pick<ThreatModel, 'createThreat' | 'updateThreat' | 'reloadThreat'>;
  onClose: () => void;
  /** A threat was created: the page shows where it landed. */
  onCreated?: (threatId: string) => void;
}

export function ThreatDialog({ target, model, onClose, onCreated }: Props) {
  const title = target.kind === 'create' ? 'Create threat' : `Edit ${target.threat.id}`;
  return (
    <TitledDialog title={title} onClose={onClose}>
      <Stack space="space.200">
        {target.kind === 'create' ? (
          <CreateThreat model={model} onClose={onClose} onCreated={onCreated} />
        ) : (
          <EditThreat threat={target.threat} model={model} onClose={onClose} />
        )}
      </Stack>
    </TitledDialog>
  );
}

function CreateThreat({ model, onClose, onCreated }: Omit<Props, 'target'>) {
  async function create(draft: ThreatDraft): Promise<string | undefined> {
    const envelope = await model.createThreat(draft);
    if (!envelope.ok) return envelope.error.message;
    showSuccessFlag(`${envelope.data.id} created`, envelope.data.title);
    onClose();
    onCreated?.(envelope.data.id);
    return undefined;
  }
  return <ThreatForm submitLabel="Create" onSubmit={create} onCancel={onClose} />;
}

function EditThreat({ threat, model, onClose }: Omit<Props, 'target'> & { threat: ThreatRow }) {
  const edit = useRevisionedEdit<ThreatRow, ThreatDraft, ThreatsAnswer>({
    item: threat,
    update: (baseRevision, draft) => model.updateThreat(threat.id, baseRevision, draft),
    reload: () => model.reloadThreat(threat.id),
    find: (data) => data.threats.find((row) => row.id === threat.id),
    onClose,
  });
  return (
    <>
      <RevisionedEditNotices
        id={threat.id}
        noun="threat"
        message={conflictWhileEditing(threat.id)}
        notice={edit.notice}
        onReload={() => void edit.reload()}
        renderCurrent={(current) => <CurrentVersion threat={current} />}
      />
      <ThreatForm initial={draftOf(threat)} submitLabel="Save" onSubmit={edit.save} onCancel={onClose} />
    </>
  );
}

function CurrentVersion({ threat }: { threat: ThreatRow }) {
  return (
    <SectionMessage appearance="information" title={`${threat.id} as it is now`}>
      <Stack space="space.100">
        <Text as="p">Your values are still below. Save replaces this version with yours; Cancel keeps it.</Text>
        <Text as="p" weight="medium">
          {threat.title}
        </Text>
        {threat.description !== '' && <Text as="p">{threat.description}</Text>}
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text>{threat.stride.map((category) => `${category} — ${STRIDE_NAMES[category]}`).join(', ')}</Text>
          <Text>
            P{threat.probability} × I{threat.impact} =
          </Text>
          <SeverityLozenge band={threat.severity.band} score={threat.severity.score} />
          {threat.component !== '' && <Text>Component: {threat.component}</Text>}
          {threat.state === 'retired' && <Lozenge>Retired</Lozenge>}
        </Inline>
      </Stack>
    </SectionMessage>
  );
}

function draftOf(threat: ThreatRow): ThreatDraft {
  const { title, description, stride, probability, impact, component, cwe } = threat;
  return { title, description, stride, probability, impact, component, ...(cwe ? { cwe } : {}) };
}
