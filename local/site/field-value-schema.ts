import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { LocalCustomField } from './model';

// Jira checks a value written to a Forge custom field of type object against the JSON schema
// the app's manifest gives the field (jira:customField `schema`), whichever API writes it.
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/
//
// `searchAlias` is Forge's own keyword (the JQL name of a property); `strict: false` lets Ajv
// read it as an annotation. Properties the schema does not name are allowed, as in JSON Schema.

/** Jira's limit on a custom field value, and on text fields (32,767 characters). */
export const FIELD_VALUE_MAX = 32_767;

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(field: LocalCustomField): ValidateFunction | undefined {
  if (!field.schema) return undefined;
  const key = `${field.id}:${JSON.stringify(field.schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ type: 'object', ...field.schema });
    compiled.set(key, validate);
  }
  return validate;
}

/** Why Jira would refuse this value for the field, or undefined when it takes it. */
export function fieldValueError(field: LocalCustomField, value: unknown): string | undefined {
  if (value === null) return undefined;
  if (field.type === 'object' && (typeof value !== 'object' || Array.isArray(value)))
    return 'The value of this field must be a JSON object.';
  if (JSON.stringify(value).length > FIELD_VALUE_MAX)
    return `The value of this field is too long. The maximum length is ${FIELD_VALUE_MAX} characters.`;
  const validate = field.type === 'object' ? validatorFor(field) : undefined;
  if (validate && !validate(value)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath : '(root)';
    return `The value does not match the field's schema: ${where} ${first?.message ?? 'is not valid'}.`;
  }
  return undefined;
}
