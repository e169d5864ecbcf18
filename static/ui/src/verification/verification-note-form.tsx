import Button from '@atlaskit/button/new';
import { Legend } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { Radio } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import {
  VERIFICATION_OUTCOMES,
  VerificationNoteDraft,
  type VerificationOutcome,
} from '../../../../src/domain/verification/verification-record';
import { FieldError, TextAreaField, TextInputField } from '../common/form-fields';
import { useSchemaForm } from '../common/use-schema-form';

interface Values {
  outcome: VerificationOutcome | undefined;
  evidence: string;
  note: string;
}
type FieldName = keyof Values;

const OUTCOME_LABELS: Record<VerificationOutcome, string> = {
  pass: 'Pass: it works',
  fail: 'Fail: it does not work',
  partial: 'Partial: it works in part',
};

interface Props {
  mitigationId: string;
  onSubmit(draft: VerificationNoteDraft): Promise<string | undefined>;
  onCancel(): void;
}

/** A verification note by hand: the outcome, an evidence link (https), a note. Who and when are recorded. */
export function VerificationNoteForm({ mitigationId, onSubmit, onCancel }: Props) {
  const form = useSchemaForm<Values, VerificationNoteDraft, FieldName>({
    schema: VerificationNoteDraft,
    fieldOrder: ['outcome', 'evidence', 'note'],
    initial: () => ({ outcome: undefined, evidence: '', note: '' }),
    onSubmit,
    onCancel,
    unexpectedFailure: 'The verification note could not be saved. Try again.',
    focusTarget: (field, _values, idOf) => (field === 'outcome' ? `${idOf('outcome')}-pass` : idOf(field)),
  });
  const { values, change, touch, shownError, describedBy, idOf, errorIdOf, textField, submitting, submitError } = form;
  return (
    <form {...form.formProps} aria-label={`Verification note for ${mitigationId}`}>
      <Stack space="space.150">
        {submitError !== undefined && (
          <SectionMessage appearance="error">
            <Text as="p">{submitError}</Text>
          </SectionMessage>
        )}
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }} aria-describedby={describedBy('outcome')}>
          <Legend>Outcome</Legend>
          <Inline space="space.200" shouldWrap>
            {VERIFICATION_OUTCOMES.map((outcome) => (
              <Radio
                key={outcome}
                id={`${idOf('outcome')}-${outcome}`}
                name={idOf('outcome')}
                value={outcome}
                label={OUTCOME_LABELS[outcome]}
                isChecked={values.outcome === outcome}
                isInvalid={shownError('outcome') !== undefined}
                onChange={() => {
                  change('outcome', outcome);
                  touch('outcome');
                }}
              />
            ))}
          </Inline>
          <FieldError id={errorIdOf('outcome')} message={shownError('outcome')} />
        </fieldset>
        <TextInputField label="Evidence link" placeholder="https://…" {...textField('evidence')} />
        <TextAreaField label="Note" {...textField('note')} />
        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isDisabled={submitting}>
            {submitting ? 'Saving…' : 'Record'}
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
