import Button from '@atlaskit/button/new';
import { Legend, RequiredAsterisk } from '@atlaskit/form';
import { Field, FieldError, FormActions, TextAreaField, TextInputField } from '../common/form-fields';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
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
const STATUS_OPTIONS = MITIGATION_STATUSES.map((status) => ({
  value: status,
  label: MITIGATION_STATUS_LABELS[status],
}));

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
          <Select<{ value: ControlType; label: string }>
            inputId={idOf('controlType')}
            name="controlType"
            options={CONTROL_TYPES}
            value={CONTROL_TYPES.find((option) => option.value === values.controlType) ?? null}
            isSearchable={false}
            menuPlacement="auto"
            isInvalid={shownError('controlType') !== undefined}
            aria-describedby={describedBy('controlType')}
            onChange={(option) => {
              if (option) change('controlType', option.value);
            }}
          />
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
                  <Box style={{ flex: '0 0 13rem' }}>
                    <Select<{ value: Strength; label: string }>
                      inputId={selectId}
                      aria-label={`Strength against ${address.threatId}`}
                      options={STRENGTH_OPTIONS}
                      value={STRENGTH_OPTIONS.find((option) => option.value === address.strength) ?? null}
                      isSearchable={false}
                      menuPlacement="auto"
                      onChange={(option) => {
                        if (option) setStrength(address.threatId, option.value);
                      }}
                    />
                  </Box>
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
                <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>
                  <Select<{ value: string; label: string }>
                    inputId={idOf('add-threat')}
                    options={addable.map((threat) => ({ value: threat.id, label: `${threat.id} ${threat.title}` }))}
                    // Choosing adds the threat to the list above, so the control itself never keeps a value.
                    value={null}
                    placeholder="Choose a threat…"
                    menuPlacement="auto"
                    isInvalid={shownError('addresses') !== undefined}
                    onChange={(option) => {
                      if (option) addThreat(option.value);
                    }}
                  />
                </Box>
              </Inline>
            )}
          </Stack>
          <FieldError id={errorIdOf('addresses')} message={shownError('addresses')} />
        </fieldset>

        <Field label="Status" htmlFor={idOf('status')} error={shownError('status')} errorId={errorIdOf('status')}>
          <Select<{ value: MitigationStatus; label: string }>
            inputId={idOf('status')}
            name="status"
            options={STATUS_OPTIONS}
            value={STATUS_OPTIONS.find((option) => option.value === values.status) ?? null}
            isSearchable={false}
            menuPlacement="auto"
            isInvalid={shownError('status') !== undefined}
            aria-describedby={describedBy('status')}
            onChange={(option) => {
              if (option) change('status', option.value);
            }}
          />
        </Field>

        {values.status === 'rejected' && (
          <TextAreaField label="Why it is rejected" required rows={2} {...textField('rejectionReason')} />
        )}

        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
