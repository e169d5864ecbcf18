import type { z } from 'zod';

// A value the app stored deflated in project properties is input: their admins may write any
// deflated JSON there. The inflate is bounded (in bytes), but a bounded text can still cost far
// more than its size: 64 MB of `[{},{},…]` parses into 21 million objects, and a schema that
// reports each bad one builds an issue for each (a million broken findings took zod 16 s and
// 2.7 GB). So a stored value is parsed within a count of values, and its long lists are checked
// one element at a time, stopping at the first that fails.

export interface JsonLimits {
  /** Objects and arrays in the text ({ and [, in strings too: counting more only refuses sooner). */
  containers: number;
  /** Values, roughly: containers plus commas. */
  values: number;
}

/** JSON.parse, refused (throws) before parsing when the text holds more than the limits allow. */
export function parseBoundedJson(json: string, limits: JsonLimits): unknown {
  let containers = 0;
  let commas = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) containers++;
    else if (c === 0x2c) commas++;
  }
  if (containers > limits.containers || containers + commas > limits.values)
    throw new Error(
      `The stored value holds more than the ${limits.containers} objects or ${limits.values} values allowed.`,
    );
  return JSON.parse(json);
}

/** Whether a parsed value has at most `max` values in all (it stops counting past `max`). */
export function nodesWithin(value: unknown, max: number): boolean {
  let left = max;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (--left < 0) return false;
    const next = stack.pop();
    if (Array.isArray(next)) stack.push(...next.slice(0, left + 1));
    else if (next !== null && typeof next === 'object') stack.push(...Object.values(next).slice(0, left + 1));
  }
  return true;
}

/**
 * Each element of a stored list through its schema, or undefined at the first that fails or
 * holds more than `maxNodes` values (so a broken list costs one element's issues, not one each).
 */
export function parseEach<S extends z.ZodType>(
  list: unknown,
  element: S,
  maxNodes: number,
): Array<z.output<S>> | undefined {
  if (!Array.isArray(list)) return undefined;
  const parsed: Array<z.output<S>> = [];
  for (const item of list) {
    if (!nodesWithin(item, maxNodes)) return undefined;
    const one = element.safeParse(item);
    if (!one.success) return undefined;
    parsed.push(one.data);
  }
  return parsed;
}

/**
 * A stored object through its schema, its long lists (`lists`: key, element, the most values one
 * element may hold) checked one element at a time first and put back parsed: the schema itself
 * runs with those lists empty, so a list is checked once. Undefined when anything fails.
 * Not for a schema that checks its lists against each other (a knowledge base's ids): it would
 * see them empty.
 */
export function parseWithLongLists<S extends z.ZodType>(
  raw: unknown,
  whole: S,
  lists: Record<string, { element: z.ZodType; maxNodes: number }>,
): z.output<S> | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const parsedLists: Record<string, unknown[]> = {};
  for (const [key, { element, maxNodes }] of Object.entries(lists)) {
    const parsed = parseEach((raw as Record<string, unknown>)[key], element, maxNodes);
    if (!parsed) return undefined;
    parsedLists[key] = parsed;
  }
  const emptied = Object.fromEntries(Object.keys(lists).map((key) => [key, []]));
  const parsed = whole.safeParse({ ...raw, ...emptied });
  return parsed.success ? ({ ...(parsed.data as object), ...parsedLists } as z.output<S>) : undefined;
}
