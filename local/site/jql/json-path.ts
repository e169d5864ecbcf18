/**
 * The values at a dot-separated path of a JSON value. Arrays met on the way or at the end
 * are flattened, as Jira indexes every element of an array; null and missing values are left out.
 */
export function valuesAtPath(root: unknown, path: readonly string[]): unknown[] {
  const found: unknown[] = [];
  collect(root, path, 0, found);
  return found;
}

function collect(node: unknown, path: readonly string[], depth: number, found: unknown[]): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    node.forEach((item) => collect(item, path, depth, found));
    return;
  }
  const segment = path[depth];
  if (segment === undefined) {
    found.push(node);
    return;
  }
  if (isRecord(node)) collect(node[segment], path, depth + 1, found);
}

export const splitPath = (path: string): string[] => path.split('.').filter((segment) => segment !== '');

/** Every string inside a JSON value, for a free-text search of an object field. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
