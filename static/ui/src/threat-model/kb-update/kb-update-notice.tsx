import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { ThreatRow } from '../../../../../src/contract';

/** In a threat's row when its knowledge base has a newer version that changes it: opens the update. */
export function KbUpdateNotice({ threat, onOpen }: { threat: ThreatRow; onOpen: (threat: ThreatRow) => void }) {
  if (!threat.kbUpdate) return null;
  return (
    <Button
      spacing="compact"
      appearance="subtle"
      aria-label={`Update available for ${threat.id}`}
      onClick={() => onOpen(threat)}
    >
      <Lozenge appearance="new">Update available</Lozenge>
    </Button>
  );
}
