import Lozenge from '@atlaskit/lozenge';
import ModalDialog, { ModalBody, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { ThreatRow } from '../../../../src/domain/resolver-contract';
import { STRIDE_NAMES } from '../../../../src/domain/stride';
import type { ThreatDraft } from '../../../../src/domain/threat';
import { SeverityLozenge } from '../threats/severity-lozenge';
import { ThreatForm } from '../threats/threat-form';
import { conflictWhileEditing } from './conflict';
import { ConflictNotice } from './conflict-notice';
import { showSuccessFlag } from './success-flag';
import type { ThreatModel } from './use-threat-model';

export type DialogTarget = { kind: 'create' } | { kind: 'edit'; threat: ThreatRow };

interface Props {
  target: DialogTarget;
  model: Pick<ThreatModel, 'createThreat' | 'updateThreat' | 'reload'>;
  onClose: () => void;
}

export function ThreatDialog({ target, model, onClose }: Props) {
  const title = target.kind === 'create' ? 'Create threat' : `Edit ${target.threat.id}`;
  return (
    <ModalDialog onClose={onClose} width="medium" label={title}>
      <ModalHeader hasCloseButton>
        <ModalTitle>{title}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          {target.kind === 'create' ? (
            <CreateThreat model={model} onClose={onClose} />
          ) : (
            <EditThreat threat={target.threat} model={model} onClose={onClose} />
          )}
        </Stack>
      </ModalBody>
    </ModalDialog>
  );
}

function CreateThreat({ model, onClose }: Omit<Props, 'target'>) {
  async function create(draft: ThreatDraft): Promise<string | undefined> {
    const envelope = await model.createThreat(draft);
    if (!envelope.ok) return envelope.error.message;
    showSuccessFlag(`${envelope.data.id} created`, envelope.data.title);
    onClose();
    return undefined;
  }
  return <ThreatForm submitLabel="Create" onSubmit={create} onCancel={onClose} />;
}

type Notice =
  | { kind: 'conflict'; reloading: boolean; reloadError?: string }
  | { kind: 'reloaded'; current: ThreatRow }
  | { kind: 'gone' };

function EditThreat({ threat, model, onClose }: Omit<Props, 'target'> & { threat: ThreatRow }) {
  // The revision this edit started from; it moves on only when the person reloads after a conflict.
  const [baseRevision, setBaseRevision] = useState(threat.revision);
  const [notice, setNotice] = useState<Notice | undefined>();

  async function save(draft: ThreatDraft): Promise<string | undefined> {
    setNotice(undefined);
    const envelope = await model.updateThreat(threat.id, baseRevision, draft);
    if (envelope.ok) {
      showSuccessFlag(`${threat.id} saved`, envelope.data.title);
      onClose();
      return undefined;
    }
    if (envelope.error.code === 'CONFLICT') {
      // The conflict notice, with its Reload action, replaces the form's own error line.
      setNotice({ kind: 'conflict', reloading: false });
      return undefined;
    }
    return envelope.error.message;
  }

  async function reload() {
    setNotice({ kind: 'conflict', reloading: true });
    const envelope = await model.reload();
    if (!envelope.ok) {
      setNotice({ kind: 'conflict', reloading: false, reloadError: envelope.error.message });
      return;
    }
    const current = envelope.data.threats.find((row) => row.id === threat.id);
    if (!current) {
      setNotice({ kind: 'gone' });
      return;
    }
    setBaseRevision(current.revision);
    setNotice({ kind: 'reloaded', current });
  }

  return (
    <>
      {notice?.kind === 'conflict' && (
        <ConflictNotice
          title="This threat changed"
          message={conflictWhileEditing(threat.id)}
          reloading={notice.reloading}
          reloadError={notice.reloadError}
          onReload={() => void reload()}
        />
      )}
      {notice?.kind === 'reloaded' && <CurrentVersion threat={notice.current} />}
      {notice?.kind === 'gone' && (
        <SectionMessage appearance="warning" title={`${threat.id} is gone`}>
          <Text as="p">{threat.id} is no longer in the threat model. Cancel to close this dialog.</Text>
        </SectionMessage>
      )}
      <ThreatForm initial={draftOf(threat)} submitLabel="Save" onSubmit={save} onCancel={onClose} />
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
  const { title, description, stride, probability, impact, component } = threat;
  return { title, description, stride, probability, impact, component };
}
