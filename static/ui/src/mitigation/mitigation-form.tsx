import Button from '@atlaskit/button/new';
import { Legend, RequiredAsterisk } from '@atlaskit/form';
import { Field, FieldError, TextAreaField, TextInputField } from '../common/form-fields';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import {
  MITIGATION_STATUSES,
  MitigationDraft,
  STRENGTHS,
  type MitigationStatus,
  type Strength,
} from '../../../../src/domain/mitigation/mitigation';
import { useSchemaForm } from '../common/use-schema-form';
import { MITIGATION_STATUS_LABELS } from './mitigation-status-lozenge';

export interface MitigationFormProps {
  /** The threats the mitigation may address (those shown, or the whole model). */
  threats: Array<{ id: string; title: string }>;
  initial?: Partial<MitigationDraft>;
  submitLabel: string;
  /** Resolves to an error message to show in the form, or undefined when it has none to show. */
  onSubmit(draft: MitigationDraft): Promise<string | undefined>;
  onCancel(): void;
}

type ControlType = MitigationDraft['controlType'];
type FieldName =
  'title' | 'implementation' | 'verification' | 'controlType' | 'addresses' | 'status' | 'rejectionReason';

interface Values {
  title: string;
  implementation: string;
  verification: string;
  controlType: ControlType;
  addresses: Array<{ threatId: string; strength: Strength }>;
  status: MitigationStatus;
  rejectionReason: string;
}

const FIELD_ORDER: FieldName[] = [
  'title',
  'implementation',
  'verification',
  'controlType',
  'addresses',
  'status',
  'rejectionReason',
];
const CONTROL_TYPES: Array<{ value: ControlType; label: string }> = [
  { value: 'preventive', label: 'Preventive' },
  { value: 'detective', label: 'Detective' },
  { value: 'corrective', label: 'Corrective' },
];
const STRENGTH_OPTIONS = (Object.entries(STRENGTHS) as Array<[keyof typeof STRENGTHS, Strength]>).map(
  ([name, value]) => ({
    value,
    label: `${name} (${value}%)`,
  }),
);
const DEFAULT_STRENGTH: Strength = STRENGTHS.average;
const UNEXPECTED_FAILURE = 'The mitigation could not be saved. Try again.';

const FIELDSET_STYLE = { border: 'none', margin: 0, padding: 0, minWidth: 0 };
const SELECT_STYLE = {
  font: 'inherit',
  minHeight: '2.25rem',
  padding: `0 ${token('space.100', '8px')}`,
  borderRadius: token('radius.small', '3px'),
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  background: token('color.background.input', '#FFFFFF'),
  color: token('color.text', '#172B4D'),
  maxWidth: '100%',
};
const INVALID_SELECT_STYLE = { ...SELECT_STYLE, borderColor: token('color.border.danger', '#E2483D') };

function startingValues(initial: Partial<MitigationDraft> = {}): Values {
  return {
    title: initial.title ?? '',
    implementation: initial.implementation ?? '',
    verification: initial.verification ?? '',
    controlType: initial.controlType ?? 'preventive',
    addresses: (initial.addresses ?? []).map((a) => ({ ...a })),
    status: initial.status ?? 'proposed',
    rejectionReason: initial.rejectionReason ?? '',
  };
}

/** Create or change a mitigation: the fields of a MitigationDraft, checked with the domain's own schema. */
export function MitigationForm({ threats, initial, submitLabel, onSubmit, onCancel }: MitigationFormProps) {
  const form = useSchemaForm<Values, MitigationDraft, FieldName>({
    schema: MitigationDraft,
    fieldOrder: FIELD_ORDER,
    initial: () => startingValues(initial),
    onSubmit,
    onCancel,
    unexpectedFailure: UNEXPECTED_FAILURE,
    // The threats are a list: the first one's strength takes the focus, or "Add a threat" when there is none.
    focusTarget: (field, current, idOf) => {
      if (field !== 'addresses') return idOf(field);
      const firstAddress = current.addresses[0];
      return firstAddress ? idOf(`strength-${firstAddress.threatId}`) : idOf('add-threat');
    },
  });
  const {
    values,
    setValues,
    change,
    touch,
    shownError,
    describedBy,
    idOf,
    errorIdOf,
    textField,
    submitting,
    submitError,
  } = form;

  const titleOf = (threatId: string) => threats.find((threat) => threat.id === threatId)?.title;
  const addable = threats.filter((threat) => !values.addresses.some((a) => a.threatId === threat.id));

  function setStrength(threatId: string, strength: Strength) {
    setValues((current) => ({
      ...current,
      addresses: current.addresses.map((a) => (a.threatId === threatId ? { ...a, strength } : a)),
    }));
  }

  function addThreat(threatId: string) {
    if (!threatId) return;
    setValues((current) =>
      current.addresses.some((a) => a.threatId === threatId)
        ? current
        : { ...current, addresses: [...current.addresses, { threatId, strength: DEFAULT_STRENGTH }] },
    );
    touch('addresses');
  }

  function removeThreat(threatId: string) {
    setValues((current) => ({ ...current, addresses: current.addresses.filter((a) => a.threatId !== threatId) }));
    touch('addresses');
  }

  return (
    <form {...form.formProps} aria-label="Mitigation">
      <Stack space="space.200">
        {submitError !== undefined && (
          <SectionMessage appearance="error">
            <Text as="p">{submitError}</Text>
          </SectionMessage>
        )}

        <TextInputField label="Title" required {...textField('title')} />

        <TextAreaField label="What to implement" {...textField('implementation')} />

        <TextAreaField label="How to verify" {...textField('verification')} />

        <Field
          label="Control type"
          htmlFor={idOf('controlType')}
          error={shownError('controlType')}
          errorId={errorIdOf('controlType')}
        >
          <select
            id={idOf('controlType')}
            name="controlType"
            style={SELECT_STYLE}
            value={values.controlType}
            onChange={(event) => change('controlType', event.currentTarget.value as ControlType)}
          >
            {CONTROL_TYPES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>

        <fieldset style={FIELDSET_STYLE} aria-describedby={describedBy('addresses')}>
          <Legend>
            Threats it addresses <RequiredAsterisk />
          </Legend>
          <Stack space="space.100">
            {values.addresses.length === 0 && (
              <Text color="color.text.subtle">No threat yet: add the threats this mitigation reduces.</Text>
            )}
            {values.addresses.map((address) => {
              const selectId = idOf(`strength-${address.threatId}`);
              const title = titleOf(address.threatId);
              return (
                <Inline
                  key={address.threatId}
                  space="space.100"
                  alignBlock="center"
                  shouldWrap
                  testId={`mitigation-form-address-${address.threatId}`}
                >
                  <Box style={{ flex: '1 1 12rem', minWidth: 0 }}>
                    <Text>
                      <Text weight="medium">{address.threatId}</Text>
                      {title ? ` ${title}` : ''}
                    </Text>
                  </Box>
                  <label htmlFor={selectId} style={visuallyHidden}>
                    Strength against {address.threatId}
                  </label>
                  <select
                    id={selectId}
                    style={SELECT_STYLE}
                    value={String(address.strength)}
                    onChange={(event) => setStrength(address.threatId, Number(event.currentTarget.value) as Strength)}
                  >
                    {STRENGTH_OPTIONS.map((option) => (
                      <option key={option.value} value={String(option.value)}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                  <Button
                    appearance="subtle"
                    spacing="compact"
                    onClick={() => removeThreat(address.threatId)}
                    aria-label={`Remove ${address.threatId}`}
                  >
                    Remove
                  </Button>
                </Inline>
              );
            })}
            {addable.length > 0 && (
              <Inline space="space.100" alignBlock="center">
                <label htmlFor={idOf('add-threat')}>
                  <Text color="color.text.subtle">Add a threat</Text>
                </label>
                <select
                  id={idOf('add-threat')}
                  style={shownError('addresses') ? INVALID_SELECT_STYLE : SELECT_STYLE}
                  value=""
                  onChange={(event) => addThreat(event.currentTarget.value)}
                >
                  <option value="">Choose a threat…</option>
                  {addable.map((threat) => (
                    <option key={threat.id} value={threat.id}>
                      {threat.id} {threat.title}
                    </option>
                  ))}
                </select>
              </Inline>
            )}
          </Stack>
          <FieldError id={errorIdOf('addresses')} message={shownError('addresses')} />
        </fieldset>

        <Field label="Status" htmlFor={idOf('status')} error={shownError('status')} errorId={errorIdOf('status')}>
          <select
            id={idOf('status')}
            name="status"
            style={SELECT_STYLE}
            value={values.status}
            onChange={(event) => change('status', event.currentTarget.value as MitigationStatus)}
          >
            {MITIGATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {MITIGATION_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </Field>

        {values.status === 'rejected' && (
          <TextAreaField label="Why it is rejected" required rows={2} {...textField('rejectionReason')} />
        )}

        <Inline space="space.100" alignInline="end">
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <Button appearance="primary" type="submit" isDisabled={submitting}>
            {submitting ? 'Saving…' : submitLabel}
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
