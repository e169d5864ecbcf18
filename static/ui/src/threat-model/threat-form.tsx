import Checkbox from '@atlaskit/checkbox';
import { Legend, RequiredAsterisk } from '@atlaskit/form';
import { Field, FieldError, FormActions, TextAreaField, TextInputField } from '../common/form-fields';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { severityOf } from '../../../../src/domain/threat-model/severity';
import { STRIDE, STRIDE_NAMES, type StrideCategory } from '../../../../src/domain/threat-model/stride';
import { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { useSchemaForm } from '../common/use-schema-form';
import { SeverityLozenge } from './severity-lozenge';

export interface ThreatFormProps {
  initial?: Partial<ThreatDraft>;
  submitLabel: string;
  /**
   * Resolves to an error message for the form to show, or undefined when it has none to show:
   * saved, or the caller shows its own notice (the project page does so for a conflict).
   */
  onSubmit(draft: ThreatDraft): Promise<string | undefined>;
  onCancel(): void;
}

type FieldName = keyof ThreatDraft;

interface Values {
  title: string;
  description: string;
  stride: StrideCategory[];
  probability: number | undefined;
  impact: number | undefined;
  component: string;
  /** CWE ids as typed, e.g. "CWE-79, CWE-352". */
  cwe: string;
}

interface RatingOption {
  value: number;
  label: string;
}

const PROBABILITY_OPTIONS: RatingOption[] = [
  { value: 1, label: '1 — Rare' },
  { value: 2, label: '2 — Unlikely' },
  { value: 3, label: '3 — Possible' },
  { value: 4, label: '4 — Likely' },
  { value: 5, label: '5 — Almost certain' },
];

const IMPACT_OPTIONS: RatingOption[] = [
  { value: 1, label: '1 — Negligible' },
  { value: 2, label: '2 — Minor' },
  { value: 3, label: '3 — Moderate' },
  { value: 4, label: '4 — Major' },
  { value: 5, label: '5 — Severe' },
];

const FIELD_ORDER: FieldName[] = ['title', 'description', 'stride', 'probability', 'impact', 'component', 'cwe'];
const UNEXPECTED_FAILURE = 'The threat could not be saved. Try again.';

const FIELDSET_STYLE = { border: 'none', margin: 0, padding: 0, minWidth: 0 };
const STRIDE_GRID_STYLE = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(13rem, 1fr))',
  gap: `${token('space.075', '6px')} ${token('space.200', '16px')}`,
};

function startingValues(initial: Partial<ThreatDraft> = {}): Values {
  return {
    title: initial.title ?? '',
    description: initial.description ?? '',
    stride: initial.stride ? [...initial.stride] : [],
    probability: initial.probability,
    impact: initial.impact,
    component: initial.component ?? '',
    cwe: (initial.cwe ?? []).join(', '),
  };
}

/** An empty CWE list is sent only to clear one the threat had: otherwise the draft names none. */
function withoutEmptyCwe(draft: ThreatDraft, initial: Partial<ThreatDraft> | undefined): ThreatDraft {
  if (draft.cwe?.length || initial?.cwe?.length) return draft;
  const { cwe: _none, ...rest } = draft;
  return rest;
}

// In a dialog the form is the body, which scrolls when the dialog is shorter than the form (at
// 1280x800 the last 100 px, Cancel and Create among them, were out of sight until the person
// scrolled): the buttons stay at the bottom of what is shown, as a dialog's footer does.
/** Create or change a threat: the fields of a ThreatDraft, checked with the domain's own schema. */
export function ThreatForm({ initial, submitLabel, onSubmit, onCancel }: ThreatFormProps) {
  const form = useSchemaForm<Values, ThreatDraft, FieldName>({
    schema: ThreatDraft,
    fieldOrder: FIELD_ORDER,
    initial: () => startingValues(initial),
    onSubmit: (draft) => onSubmit(withoutEmptyCwe(draft, initial)),
    onCancel,
    unexpectedFailure: UNEXPECTED_FAILURE,
    // The STRIDE field is a group of checkboxes: the first one takes the focus.
    focusTarget: (field, _values, idOf) => (field === 'stride' ? `${idOf('stride')}-${STRIDE[0]}` : idOf(field)),
  });
  const { values, change, touch, shownError, describedBy, idOf, errorIdOf, textField, submitting, submitError } = form;

  return (
    <form {...form.formProps}>
      <Stack space="space.200">
        {submitError !== undefined && (
          <SectionMessage appearance="error">
            <Text as="p">{submitError}</Text>
          </SectionMessage>
        )}

        <TextInputField label="Title" required {...textField('title')} />

        <TextAreaField label="Description" {...textField('description')} />

        <fieldset style={FIELDSET_STYLE} aria-describedby={describedBy('stride')}>
          <Legend>
            STRIDE categories <RequiredAsterisk />
          </Legend>
          <div style={STRIDE_GRID_STYLE}>
            {STRIDE.map((category) => {
              const checkboxId = `${idOf('stride')}-${category}`;
              const checked = values.stride.includes(category);
              return (
                <Checkbox
                  key={category}
                  id={checkboxId}
                  label={`${category} — ${STRIDE_NAMES[category]}`}
                  isChecked={checked}
                  isInvalid={shownError('stride') !== undefined}
                  onChange={() => {
                    change(
                      'stride',
                      checked
                        ? values.stride.filter((c) => c !== category)
                        : STRIDE.filter((c) => c === category || values.stride.includes(c)),
                    );
                    touch('stride');
                  }}
                />
              );
            })}
          </div>
          <FieldError id={errorIdOf('stride')} message={shownError('stride')} />
        </fieldset>

        <Inline space="space.200" shouldWrap>
          <Box style={{ flex: '1 1 12rem' }}>
            <RatingField
              label="Probability"
              inputId={idOf('probability')}
              errorId={errorIdOf('probability')}
              options={PROBABILITY_OPTIONS}
              value={values.probability}
              error={shownError('probability')}
              onChange={(value) => change('probability', value)}
              onBlur={() => touch('probability')}
            />
          </Box>
          <Box style={{ flex: '1 1 12rem' }}>
            <RatingField
              label="Impact"
              inputId={idOf('impact')}
              errorId={errorIdOf('impact')}
              options={IMPACT_OPTIONS}
              value={values.impact}
              error={shownError('impact')}
              onChange={(value) => change('impact', value)}
              onBlur={() => touch('impact')}
            />
          </Box>
        </Inline>

        <SeverityPreview probability={values.probability} impact={values.impact} />

        <TextInputField label="Component" placeholder="e.g. Checkout, Payment API" {...textField('component')} />

        {/* Security-test results (SARIF) naming these CWE ids are mapped to the threat. */}
        <TextInputField label="CWE ids" placeholder="e.g. CWE-79, CWE-352" {...textField('cwe')} />

        <FormActions submitLabel={submitLabel} submitting={submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface RatingFieldProps {
  label: string;
  inputId: string;
  errorId: string;
  options: RatingOption[];
  value: number | undefined;
  error: string | undefined;
  onChange: (value: number | undefined) => void;
  onBlur: () => void;
}

function RatingField({ label, inputId, errorId, options, value, error, onChange, onBlur }: RatingFieldProps) {
  return (
    <Field label={label} htmlFor={inputId} errorId={errorId} error={error} required>
      <Select<RatingOption>
        inputId={inputId}
        options={options}
        value={options.find((option) => option.value === value) ?? null}
        placeholder="Choose…"
        isSearchable={false}
        menuPlacement="auto"
        isInvalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(option) => onChange(option?.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

function SeverityPreview({ probability, impact }: { probability: number | undefined; impact: number | undefined }) {
  const known = probability !== undefined && impact !== undefined;
  const severity = known ? severityOf({ probability, impact }) : undefined;
  return (
    <Box role="status" aria-live="polite" testId="severity-preview">
      {severity ? (
        <Inline space="space.100" alignBlock="center">
          <Text weight="medium">Severity</Text>
          <Text>
            P{probability} × I{impact} =
          </Text>
          <SeverityLozenge band={severity.band} score={severity.score} />
        </Inline>
      ) : (
        <Text color="color.text.subtle">Pick a probability and an impact to see the severity.</Text>
      )}
    </Box>
  );
}
