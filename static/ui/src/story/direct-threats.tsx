import { Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { LinkedThreats } from './linked-threats';

interface Props {
  threatIds: string[];
  threats: Record<string, ThreatView>;
  disabled: boolean;
  /** Undefined when the viewer may not edit. */
  onUnlink?: (threatId: string) => void;
  /** Shown under each threat: its risk and mitigations. */
  threatDetails?: (threatId: string, scope: string) => ReactNode;
}

// The audit reports these: a story linked to a threat that no clause puts into words.
export function DirectThreats({ threatIds, threats, disabled, onUnlink, threatDetails }: Props) {
  return (
    <Stack space="space.075">
      <Text size="small" weight="bold">
        Linked threats not covered by a clause
      </Text>
      <Text as="p" size="small" color="color.text.subtle">
        The story is linked to these threats, but no WITHOUT clause says what must not happen. Link each one to a
        clause, or add a clause for it.
      </Text>
      <LinkedThreats
        threatIds={threatIds}
        threats={threats}
        label="Linked threats not covered by a clause"
        owner="the story"
        onUnlink={onUnlink}
        disabled={disabled}
        details={threatDetails && ((threatId) => threatDetails(threatId, 'direct'))}
      />
    </Stack>
  );
}
