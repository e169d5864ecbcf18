import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { ThreatChip } from '../threat-model/threat-chip';

interface Props {
  threatId: string;
  /** Undefined when the model lacks the threat: deleted, or typed by hand into the field. */
  threat: ThreatView | undefined;
}

/** A linked threat at a glance: id, severity and title (cut short); the full title on hover or focus, and in its label. */
export function ThreatLozenge({ threatId, threat }: Props) {
  return <ThreatChip threatId={threatId} threat={threat} />;
}
