import type { LocalCustomField, LocalIssue } from '../model';
import { defineField, type FieldSpec } from './field-spec';
import { isRecord, stringsIn, valuesAtPath } from './json-path';
import type { JqlContext } from './jql-catalog';
import { wordsOf } from './text-search';
import { isValueType, typedField, type ValueType } from './typed-field';

// The app's Forge custom fields, named `cf[10100]`, `customfield_10100` or by name. An
// object field is searchable as a whole by text, and each schema property that declares a
// `searchAlias` is searchable as `"Field name".alias` or `cf[10100].alias`.

export interface CustomFieldLookup {
  byName(name: string): FieldSpec | undefined;
  byAlias(name: string, alias: string): FieldSpec | undefined;
}

const SCALAR_TYPES: Record<Exclude<LocalCustomField['type'], 'object'>, ValueType> = {
  string: 'string',
  number: 'number',
  user: 'user',
  group: 'string',
  date: 'date',
  datetime: 'date',
};

export function customFieldLookup(fields: readonly LocalCustomField[], context: JqlContext): CustomFieldLookup {
  const byNumericId = new Map(fields.map((f) => [f.numericId, f]));
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const find = (name: string) => {
    const id = /^(?:cf\[(\d+)\]|customfield_(\d+))$/i.exec(name.trim());
    return id ? byNumericId.get(Number(id[1] ?? id[2])) : byName.get(name.toLowerCase());
  };
  return {
    byName: (name) => {
      const field = find(name);
      return field && wholeFieldSpec(field, context);
    },
    byAlias: (name, alias) => {
      const field = find(name);
      const property = field && aliasedProperty(field, alias);
      return (
        field &&
        property &&
        typedField(property.type, (issue) => valuesAtPath(valueOf(issue, field), [property.name]), context)
      );
    },
  };
}

const valueOf = (issue: LocalIssue, field: LocalCustomField): unknown => issue.customFields[field.id];

function wholeFieldSpec(field: LocalCustomField, context: JqlContext): FieldSpec {
  if (field.type !== 'object')
    return typedField(SCALAR_TYPES[field.type], (issue) => valuesAtPath(valueOf(issue, field), []), context);
  return defineField({
    isEmpty: (issue) => valueOf(issue, field) === null || valueOf(issue, field) === undefined,
    words: (issue) => wordsOf(stringsIn(valueOf(issue, field)).join(' ')),
  });
}

function aliasedProperty(field: LocalCustomField, alias: string): { name: string; type: ValueType } | undefined {
  const properties = field.schema?.properties;
  if (field.type !== 'object' || !isRecord(properties)) return undefined;
  for (const [name, schema] of Object.entries(properties)) {
    if (
      isRecord(schema) &&
      typeof schema.searchAlias === 'string' &&
      schema.searchAlias.toLowerCase() === alias.toLowerCase()
    ) {
      return { name, type: searchTypeOf(schema) };
    }
  }
  return undefined;
}

/** The JQL type of an aliased property, from its JSON schema (an array searches as its items). */
function searchTypeOf(schema: Record<string, unknown>): ValueType {
  if (isValueType(schema.searchType)) return schema.searchType;
  const item = schema.type === 'array' && isRecord(schema.items) ? schema.items : schema;
  if (item.type === 'number' || item.type === 'integer') return 'number';
  if (item.format === 'date' || item.format === 'date-time') return 'date';
  if (item.format === 'user') return 'user';
  return 'string';
}
