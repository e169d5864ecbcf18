import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { DetectionEventDraft } from '../../../../src/domain/monitoring/detection-event';
import { FormActions, TextAreaField, TextInputField } from '../common/form-fields';
import { useSchemaForm } from '../common/use-schema-form';

type FieldName = keyof DetectionEventDraft;
type Values = Record<FieldName, string>;

const FIELD_ORDER: FieldName[] = ['title', 'signal', 'threshold', 'responder', 'firstSteps'];

interface Props {
  /** Names the form for assistive technology, e.g. "New detection event for T-1". */
  label: string;
  initial?: Partial<Values>;
  submitLabel: string;
  onSubmit(draft: DetectionEventDraft): Promise<string | undefined>;
  onCancel(): void;
}

/** Add or change a detection event written by hand: checked with the domain's own schema. */
export function DetectionEventForm({ label, initial = {}, submitLabel, onSubmit, onCancel }: Props) {
  const form = useSchemaForm<Values, DetectionEventDraft, FieldName>({
    schema: DetectionEventDraft,
    fieldOrder: FIELD_ORDER,
    initial: () => ({ title: '', signal: '', threshold: '', responder: '', firstSteps: '', ...initial }),
    onSubmit,
    onCancel,
    unexpectedFailure: 'The detection event could not be saved. Try again.',
  });
  const { textField, submitting, submitError } = form;
  return (
    <form {...form.formProps} aria-label={label}>
      <Stack space="space.150">
        {submitError !== undefined && (
          <SectionMessage appearance="error">
            <Text as="p">{submitError}</Text>
          </SectionMessage>
        )}
        <TextInputField label="Title" required {...textField('title')} />
        <TextAreaField label="Signal to log or alert on" required {...textField('signal')} />
        <TextInputField label="Threshold" placeholder="e.g. 5 in 10 minutes per account" {...textField('threshold')} />
        <TextInputField label="Who responds" placeholder="e.g. On-call web engineer" {...textField('responder')} />
        <TextAreaField label="First steps" {...textField('firstSteps')} />
        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
