import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { ThreatListRow } from '../../../../../src/contract';

/** In a threat's row when its knowledge base has a newer version that changes it: opens the update. */
export function KbUpdateNotice({ threat, onOpen }: { threat: ThreatListRow; onOpen: (threat: ThreatListRow) => void }) {
  if (threat.updateFrom === undefined) return null;
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
