import Button from '@atlaskit/button/new';
import { Box, Inline, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ThreatView } from '../../../../src/domain/threat-view';
import { ThreatLozenge } from './threat-lozenge';

const listStyles = xcss({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 'space.100',
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
});

interface Props {
  threatIds: string[];
  threats: Record<string, ThreatView>;
  /** Names the list for screen readers, e.g. "Threats of clause “…”". */
  label: string;
  /** Where the links are made, for the unlink buttons' labels: "clause “…”" or "the story". */
  owner: string;
  /** Undefined when the viewer may not edit: no unlink buttons. */
  onUnlink?: (threatId: string) => void;
  disabled: boolean;
  /** Shown after the last threat, e.g. the "Link threat" button. */
  children?: ReactNode;
}

export function LinkedThreats({ threatIds, threats, label, owner, onUnlink, disabled, children }: Props) {
  return (
    <Inline space="space.100" shouldWrap alignBlock="center">
      {threatIds.length > 0 && (
        <Box as="ul" xcss={listStyles} aria-label={label}>
          {threatIds.map((threatId) => (
            <Box as="li" key={threatId}>
              <Inline space="space.025" alignBlock="center">
                <ThreatLozenge threatId={threatId} threat={threats[threatId]} />
                {onUnlink && (
                  <Button
                    appearance="subtle"
                    spacing="compact"
                    aria-label={`Unlink ${threatId} from ${owner}`}
                    isDisabled={disabled}
                    onClick={() => onUnlink(threatId)}
                  >
                    ×
                  </Button>
                )}
              </Inline>
            </Box>
          ))}
        </Box>
      )}
      {children}
    </Inline>
  );
}
