import { Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState, type ReactNode } from 'react';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { ThreatModelView } from '../../../../src/contract';
import { ConflictNotice } from '../common/conflict-notice';
import { showSuccessFlag } from '../common/success-flag';

type Notice<T> =
  { kind: 'conflict'; reloading: boolean; reloadError?: string } | { kind: 'reloaded'; current: T } | { kind: 'gone' };

interface RevisionedEdit<T, D, R = ThreatModelView> {
  item: { id: string; revision: number };
  /** Saves the draft as an edit of `baseRevision`. */
  update: (baseRevision: number, draft: D) => Promise<Envelope<{ title: string }>>;
  /** Reads the model again (or the part of it that holds the item in full). */
  reload: () => Promise<Envelope<R>>;
  /** The item in what was read again, if it is still there. */
  find: (model: R) => (T & { revision: number }) | undefined;
  onClose: () => void;
}

/**
 * Editing a revisioned record (a threat, a mitigation) of the threat model: a save names the
 * revision it started from; on a conflict the person reloads, sees the saved version, and saves
 * again over it, or learns the record is gone.
 */
export function useRevisionedEdit<T, D, R = ThreatModelView>({
  item,
  update,
  reload,
  find,
  onClose,
}: RevisionedEdit<T, D, R>) {
  // The revision this edit started from; it moves on only when the person reloads after a conflict.
  const [baseRevision, setBaseRevision] = useState(item.revision);
  const [notice, setNotice] = useState<Notice<T> | undefined>();

  async function save(draft: D): Promise<string | undefined> {
    setNotice(undefined);
    const envelope = await update(baseRevision, draft);
    if (envelope.ok) {
      showSuccessFlag(`${item.id} saved`, envelope.data.title);
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

  async function reloadAfterConflict() {
    setNotice({ kind: 'conflict', reloading: true });
    const envelope = await reload();
    if (!envelope.ok) {
      setNotice({ kind: 'conflict', reloading: false, reloadError: envelope.error.message });
      return;
    }
    const current = find(envelope.data);
    if (!current) {
      setNotice({ kind: 'gone' });
      return;
    }
    setBaseRevision(current.revision);
    setNotice({ kind: 'reloaded', current });
  }

  return { notice, save, reload: reloadAfterConflict };
}

/** The notices of a revisioned edit: the conflict with its Reload, the saved version, or "gone". */
export function RevisionedEditNotices<T>({
  id,
  noun,
  message,
  notice,
  onReload,
  renderCurrent,
}: {
  id: string;
  noun: string;
  message: string;
  notice: Notice<T> | undefined;
  onReload: () => void;
  renderCurrent: (current: T) => ReactNode;
}) {
  if (notice?.kind === 'conflict') {
    return (
      <ConflictNotice
        title={`This ${noun} changed`}
        message={message}
        reloading={notice.reloading}
        reloadError={notice.reloadError}
        onReload={onReload}
      />
    );
  }
  if (notice?.kind === 'reloaded') return <>{renderCurrent(notice.current)}</>;
  if (notice?.kind === 'gone') {
    return (
      <SectionMessage appearance="warning" title={`${id} is gone`}>
        <Text as="p">{id} is no longer in the threat model. Cancel to close this dialog.</Text>
      </SectionMessage>
    );
  }
  return null;
}
