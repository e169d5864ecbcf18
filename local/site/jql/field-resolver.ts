import type { Field } from '@atlassianlabs/jql-ast';
import { customFieldLookup } from './custom-fields';
import type { FieldSpec } from './field-spec';
import { JIRA_FIELDS_NOT_SUPPORTED } from './jira-names';
import type { JqlCatalog, JqlContext } from './jql-catalog';
import { fieldDoesNotExist, fieldNotSupportedLocally } from './jql-error';
import { propertyLookup } from './property-fields';
import { systemFields } from './system-fields';

/** A field of a clause, as written. */
export interface FieldRef {
  /** The name to show in messages. */
  display: string;
  name: string;
  /** The searchAlias after `"Field name".` or `cf[10100].`. */
  alias?: string;
  /** An unquoted name with a dot, which may be `customfield_10100.alias`. */
  dotted: boolean;
  property?: { key: string; path: string };
}

export function fieldRefOf(field: Field, aliasedStarts: ReadonlySet<number>): FieldRef {
  const property = field.properties?.[0];
  if (property && field.value.toLowerCase() === 'issue.property') {
    const extra = (field.properties ?? []).slice(1).map((p) => `[${p.key?.value ?? ''}]`);
    const path = [...(property.path ?? []).map((p) => p.value), ...extra].join('').replace(/^\./, '');
    const key = property.key?.value ?? '';
    return {
      display: `issue.property[${key}]${path ? `.${path}` : ''}`,
      name: field.value,
      dotted: false,
      property: { key, path },
    };
  }
  const aliased = field.position !== null && aliasedStarts.has(field.position[0]);
  if (aliased) return { display: field.value, ...splitAtLastDot(field.value), dotted: false };
  return { display: field.value, name: field.value, dotted: field.text === field.value && field.value.includes('.') };
}

const splitAtLastDot = (name: string) => {
  const dot = name.lastIndexOf('.');
  return { name: name.slice(0, dot), alias: name.slice(dot + 1) };
};

export type ResolveField = (ref: FieldRef) => FieldSpec;

export function createFieldResolver(catalog: JqlCatalog, context: JqlContext): ResolveField {
  const system = systemFields(catalog, context);
  const properties = propertyLookup(catalog.indexedProperties, context);
  const custom = customFieldLookup(catalog.customFields, context);
  const byName = (name: string) => system.get(name.toLowerCase()) ?? custom.byName(name) ?? properties.byAlias(name);
  const byAlias = (name: string, alias: string) => custom.byAlias(name, alias);

  return (ref) => {
    if (ref.property) return properties.byPath(ref.property.key, ref.property.path);
    const split = ref.dotted ? splitAtLastDot(ref.name) : undefined;
    const spec =
      ref.alias !== undefined
        ? byAlias(ref.name, ref.alias)
        : (byName(ref.name) ?? (split && byAlias(split.name, split.alias)));
    if (spec) return spec;
    if (JIRA_FIELDS_NOT_SUPPORTED.has(ref.display.toLowerCase())) throw fieldNotSupportedLocally(ref.display);
    throw fieldDoesNotExist(ref.display);
  };
}
