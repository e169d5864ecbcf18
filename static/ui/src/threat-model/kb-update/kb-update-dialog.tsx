import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { Envelope } from '../../../../../src/domain/common/envelope';
import type { KbUpdate, ThreatRow, ThreatsAnswer } from '../../../../../src/contract';
import type { ThreatView } from '../../../../../src/domain/threat-model/threat-view';
import { TitledDialog } from '../../common/titled-dialog';
import { InlineError } from '../../common/inline-error';
import { ConflictNotice } from '../../common/conflict-notice';
import { showSuccessFlag } from '../../common/success-flag';
import { KbUpdateChanges } from './kb-update-changes';

export interface KbUpdatePort {
  decide: (threatId: string, baseRevision: number, take: boolean) => Promise<Envelope<ThreatView>>;
  reload: () => Promise<Envelope<ThreatsAnswer>>;
}

interface Props {
  /** The threat as the page shows it now: after a reload, its current update (or none). */
  threat: ThreatRow;
  /** Absent for people who may only read the threat model. */
  port: KbUpdatePort | undefined;
  onClose: () => void;
}

type Notice = { kind: 'conflict'; reloading: boolean; reloadError?: string } | { kind: 'error'; message: string };

/** What a newer version of a threat's knowledge base changes on it, field by field; take it or keep ours. */
export function KbUpdateDialog({ threat, port, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const update = threat.kbUpdate;
  const title = `Update for ${threat.id}`;

  async function decide(take: boolean, current: KbUpdate) {
    if (!port) return;
    setBusy(true);
    setNotice(undefined);
    const envelope = await port.decide(threat.id, threat.revision, take);
    setBusy(false);
    if (envelope.ok) {
      showSuccessFlag(
        take
          ? `${threat.id} updated to ${current.knowledgeBaseName} ${current.toVersion}`
          : `${threat.id} keeps its values`,
        envelope.data.title,
      );
      onClose();
    } else if (envelope.error.code === 'CONFLICT') {
      setNotice({ kind: 'conflict', reloading: false });
    } else {
      setNotice({ kind: 'error', message: envelope.error.message });
    }
  }

  async function reload() {
    if (!port) return;
    setNotice({ kind: 'conflict', reloading: true });
    const envelope = await port.reload();
    setNotice(envelope.ok ? undefined : { kind: 'conflict', reloading: false, reloadError: envelope.error.message });
  }

  const decision = port && update && (
    <>
      <Button isDisabled={busy} onClick={() => void decide(false, update)}>
        Keep ours
      </Button>
      {!update.removed && (
        <Button appearance="primary" isDisabled={busy} onClick={() => void decide(true, update)}>
          Take update
        </Button>
      )}
    </>
  );
  const footer = (
    <>
      {decision}
      <Button appearance="subtle" onClick={onClose}>
        {decision ? 'Cancel' : 'Close'}
      </Button>
    </>
  );

  return (
    <TitledDialog title={title} onClose={onClose} footer={footer}>
      <Stack space="space.200">
        <Text weight="medium">{threat.title}</Text>
        {notice?.kind === 'conflict' && (
          <ConflictNotice
            title="This threat changed"
            message={`Someone else changed ${threat.id} in the meantime. Reload to see it and what the update changes now.`}
            reloading={notice.reloading}
            reloadError={notice.reloadError}
            onReload={() => void reload()}
          />
        )}
        {notice?.kind === 'error' && <InlineError>{notice.message}</InlineError>}
        {update ? (
          <KbUpdateChanges threatId={threat.id} update={update} />
        ) : (
          <Text as="p">{`Nothing to take any more: ${threat.id} already follows its knowledge base's current version.`}</Text>
        )}
      </Stack>
    </TitledDialog>
  );
}
