import { readModelAround, type ModelAroundThreat } from '../threat-model/model-around-threat';
import { useRowValue } from './row-memory';
import type { useAudit } from './use-audit';

/** What a finding's in-place fix of one threat is given by the finding's row. */
export interface ThreatFixProps {
  threatId: string;
  label: string;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * An in-place fix of one threat: `open` reads the model as it is now (the threat may be gone, or
 * `refusal` may say why the person cannot make this fix), `close` runs the audit again when the
 * fix called `changed`, so the finding's row says what holds now.
 */
export function useThreatFix(
  { threatId, act, onError }: ThreatFixProps,
  refusal: (view: ModelAroundThreat) => string | undefined = () => undefined,
) {
  // Kept in the row, not in the fix: the fix is mounted anew when the frame crosses the compact
  // width (row-memory), and its open dialog, and whether something was saved in it, must outlive
  // that, or the dialog vanishes and the audit never runs again.
  const [view, setView] = useRowValue<ModelAroundThreat | undefined>('threat-fix:view', undefined);
  const [opening, setOpening] = useRowValue('threat-fix:opening', false);
  // Read, not rendered: a dialog may save and close in one go, before the next render.
  const [, setChanged, didChange] = useRowValue('threat-fix:changed', false);

  async function open() {
    setOpening(true);
    const envelope = await readModelAround(threatId);
    setOpening(false);
    if (!envelope.ok) return onError(envelope.error.message);
    if (!envelope.data.full.threats.has(threatId)) return onError(`${threatId} is no longer in the threat model.`);
    const refused = refusal(envelope.data);
    if (refused) return onError(refused);
    onError(undefined);
    setView(envelope.data);
  }

  async function close() {
    setView(undefined);
    if (!didChange()) return;
    setChanged(false);
    onError(await act('audit/run', {}, 'Auditing again'));
  }

  return {
    view,
    setView,
    threat: view?.full.threats.get(threatId),
    opening,
    open,
    close,
    changed: () => setChanged(true),
  };
}
