import { useEffect, useState } from 'react';
import type { ModelSeen, ThreatListRow, ThreatRow } from '../../../../src/contract';
import type { AppErrorBody } from '../../../../src/domain/common/envelope';
import type { ThreatModel } from './use-threat-model';

/**
 * Reads in full the threats the tab shows (the page, the rows opened, the threat a dialog is
 * open on), each once, and again after each read of the model (`seen`).
 */
export function useThreatsInFull(
  model: Pick<ThreatModel, 'readFull'>,
  seen: ModelSeen,
  ids: Array<string | undefined>,
) {
  const { readFull } = model;
  const key = ids.filter((id) => id !== undefined).join(',');
  useEffect(() => {
    if (key !== '') readFull(key.split(','));
  }, [key, seen, readFull]);
}

export interface OpenFailure {
  id: string;
  error: AppErrorBody;
  retry: () => void;
}

/** Opens a dialog on a threat once it is read in full (at once when it is already); a failed read says why. */
export function useOpenInFull(model: Pick<ThreatModel, 'ensureFull'>) {
  const [failure, setFailure] = useState<OpenFailure | undefined>();
  async function openInFull(threat: ThreatListRow, open: (full: ThreatRow) => void): Promise<void> {
    setFailure(undefined);
    const envelope = await model.ensureFull(threat.id);
    if (envelope.ok) open(envelope.data);
    else setFailure({ id: threat.id, error: envelope.error, retry: () => void openInFull(threat, open) });
  }
  return { failure, openInFull };
}
