import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useId, type Ref } from 'react';
import type { WithoutClause } from '../../../../../src/domain/story/without-clause';
import { ClauseTextError } from '../clause-text-error';
import { ThreatIds } from './threat-ids';
import { WithoutPrefix } from './without-prefix';

const fieldStyles = xcss({ flexGrow: 1 });

interface Props {
  clause: WithoutClause;
  /** "WITHOUT clause 2": the field's label, and what its Remove button names. */
  label: string;
  error: string | undefined;
  disabled: boolean;
  autoFocus: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChange: (text: string) => void;
  onRemove: () => void;
}

export function ClauseTextRow({ clause, label, error, disabled, autoFocus, inputRef, onChange, onRemove }: Props) {
  const errorId = useId();
  return (
    <Box as="li">
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center">
          <Box xcss={fieldStyles}>
            <Textfield
              ref={inputRef}
              autoFocus={autoFocus}
              aria-label={label}
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
              elemBeforeInput={<WithoutPrefix />}
              value={clause.text}
              isInvalid={error !== undefined}
              isDisabled={disabled}
              onChange={(event) => onChange(event.currentTarget.value)}
            />
          </Box>
          <Button appearance="subtle" aria-label={`Remove ${label}`} isDisabled={disabled} onClick={onRemove}>
            Remove
          </Button>
        </Inline>
        <ClauseTextError id={errorId} message={error} />
        <ThreatIds threatIds={clause.threatIds} />
      </Stack>
    </Box>
  );
}
