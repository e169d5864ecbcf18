import type { Scalar } from './field-spec';
import { valueDoesNotExist } from './jql-error';

/** Lower-cased names (key, name, id, ...) of catalog items, each to the ids it stands for. */
export type NameIndex = ReadonlyMap<string, readonly Scalar[]>;

export function indexByNames<T>(
  items: readonly T[],
  namesOf: (item: T) => ReadonlyArray<string | number>,
  idOf: (item: T) => Scalar,
): NameIndex {
  const index = new Map<string, Scalar[]>();
  for (const item of items) {
    for (const name of new Set(namesOf(item).map((n) => String(n).toLowerCase()))) {
      index.set(name, [...(index.get(name) ?? []), idOf(item)]);
    }
  }
  return index;
}

export function lookUp(index: NameIndex, raw: string, field: string): readonly Scalar[] {
  const ids = index.get(raw.toLowerCase());
  if (!ids) throw valueDoesNotExist(raw, field);
  return ids;
}
