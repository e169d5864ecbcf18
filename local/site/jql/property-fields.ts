import { NOTHING_MATCHES, type FieldSpec } from './field-spec';
import { splitPath, valuesAtPath } from './json-path';
import type { IndexedPropertyValue, JqlContext } from './jql-catalog';
import { typedField } from './typed-field';

// Issue entity properties, searchable only at the paths the app's jira:entityProperty
// modules index: `issue.property[key].path`, or the value's searchAlias as a field name.

export interface PropertyLookup {
  byPath(propertyKey: string, path: string): FieldSpec;
  byAlias(alias: string): FieldSpec | undefined;
}

export function propertyLookup(indexed: readonly IndexedPropertyValue[], context: JqlContext): PropertyLookup {
  const specOf = (value: IndexedPropertyValue) => {
    const path = splitPath(value.path);
    return typedField(value.type, (issue) => valuesAtPath(issue.properties[value.propertyKey], path), context);
  };
  const byPath = new Map(indexed.map((v) => [pathKey(v.propertyKey, v.path), v]));
  const byAlias = new Map(indexed.filter((v) => v.searchAlias).map((v) => [(v.searchAlias ?? '').toLowerCase(), v]));
  return {
    byPath: (propertyKey, path) => {
      const value = byPath.get(pathKey(propertyKey, path));
      return value ? specOf(value) : NOTHING_MATCHES;
    },
    byAlias: (alias) => {
      const value = byAlias.get(alias.toLowerCase());
      return value && specOf(value);
    },
  };
}

const pathKey = (propertyKey: string, path: string) => `${propertyKey}\u0000${splitPath(path).join('.')}`;
