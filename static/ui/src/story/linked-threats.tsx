import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { ThreatLozenge } from './threat-lozenge';

const columnStyles = xcss({
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
});

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
  /** Shown under each threat, e.g. its risk and mitigations; the threats are then listed one a line. */
  details?: (threatId: string) => ReactNode;
}

export function LinkedThreats({ threatIds, threats, label, owner, onUnlink, disabled, children, details }: Props) {
  if (details) {
    return (
      <Stack space="space.100">
        {threatIds.length > 0 && (
          <Box as="ul" xcss={columnStyles} aria-label={label}>
            {threatIds.map((threatId) => (
              <Box as="li" key={threatId}>
                <Stack space="space.050">
                  <ThreatRow
                    threatId={threatId}
                    threat={threats[threatId]}
                    owner={owner}
                    onUnlink={onUnlink}
                    disabled={disabled}
                  />
                  {details(threatId)}
                </Stack>
              </Box>
            ))}
          </Box>
        )}
        {children && <Inline space="space.100">{children}</Inline>}
      </Stack>
    );
  }
  return (
    <Inline space="space.100" shouldWrap alignBlock="center">
      {threatIds.length > 0 && (
        <Box as="ul" xcss={listStyles} aria-label={label}>
          {threatIds.map((threatId) => (
            <Box as="li" key={threatId}>
              <ThreatRow
                threatId={threatId}
                threat={threats[threatId]}
                owner={owner}
                onUnlink={onUnlink}
                disabled={disabled}
              />
            </Box>
          ))}
        </Box>
      )}
      {children}
    </Inline>
  );
}

interface ThreatRowProps {
  threatId: string;
  threat: ThreatView | undefined;
  owner: string;
  onUnlink?: (threatId: string) => void;
  disabled: boolean;
}

function ThreatRow({ threatId, threat, owner, onUnlink, disabled }: ThreatRowProps) {
  return (
    <Inline space="space.025" alignBlock="center">
      <ThreatLozenge threatId={threatId} threat={threat} />
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
  );
}
