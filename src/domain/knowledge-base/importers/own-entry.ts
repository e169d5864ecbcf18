/**
 * A lookup table's own entry for `key`, never one every object inherits: `table["constructor"]`
 * is Object's constructor and `table["toString"]` a function, and a file decides the key.
 */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
