// Fields a stored value has that this version's schema does not know (written by a newer app
// version, or an integration) ride along, unseen, and are written back with it: zod strips them
// when a value is read, so without this a write of the value, or of its neighbour in the same
// property, would drop them. They hang under a symbol: an object spread (`{ ...old, changed }`)
// copies a symbol-keyed property, so an edit keeps them, while JSON (the view, the answer of a
// resolver) never shows them. Only the top level is kept: a nested object's unknown fields are
// still stripped by its schema.

const UNKNOWN_FIELDS = Symbol('fields the schema does not know');

type WithUnknown = { [UNKNOWN_FIELDS]?: Record<string, unknown> };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Attaches to `parsed` the fields of `raw` that are not in `known`. Known fields are always the
 * parsed ones, so an edit that removes one (a claim, once the task is recorded) removes it.
 */
export function withUnknownFields<R>(parsed: R, raw: unknown, known: ReadonlySet<string>): R {
  if (!isPlainObject(parsed) || !isPlainObject(raw)) return parsed;
  const extra = Object.entries(raw).filter(([key]) => !known.has(key));
  return extra.length === 0 ? parsed : Object.assign(parsed, { [UNKNOWN_FIELDS]: Object.fromEntries(extra) });
}

/**
 * withUnknownFields where the known fields are the keys of the parsed value: right for a schema
 * that strips unknown keys and renames none (zod strips only the ones it does not know).
 */
export const withUnknownFieldsOf = <R>(parsed: R, raw: unknown): R =>
  isPlainObject(parsed) ? withUnknownFields(parsed, raw, new Set(Object.keys(parsed))) : parsed;

/** The value as it is stored: the unknown fields it was read with, then its own (which win). */
export function storedForm<R>(value: R): R | Record<string, unknown> {
  const extra = isPlainObject(value) ? (value as WithUnknown)[UNKNOWN_FIELDS] : undefined;
  return extra ? { ...extra, ...value } : value;
}
