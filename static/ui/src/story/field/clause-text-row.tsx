import Button from '@atlaskit/button/new';
import { Box, Stack } from '@atlaskit/primitives';
import type { Ref } from 'react';
import type { WithoutClause } from '../../../../../src/domain/story/without-clause';
import { ClauseInput } from '../../common/clause-input';
import { ThreatIds } from './threat-ids';

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
  /** Enter in the clause's text saves the field. */
  onSave: () => void;
}

export function ClauseTextRow({
  clause,
  label,
  error,
  disabled,
  autoFocus,
  inputRef,
  onChange,
  onRemove,
  onSave,
}: Props) {
  return (
    <Box as="li">
      <Stack space="space.050">
        <ClauseInput
          label={label}
          value={clause.text}
          error={error}
          disabled={disabled}
          autoFocus={autoFocus}
          inputRef={inputRef}
          onChange={onChange}
          onEnter={onSave}
        >
          <Button appearance="subtle" aria-label={`Remove ${label}`} isDisabled={disabled} onClick={onRemove}>
            Remove
          </Button>
        </ClauseInput>
        <ThreatIds threatIds={clause.threatIds} />
      </Stack>
    </Box>
  );
}
