import { type z } from 'zod';

/**
 * What the app reads of a file a person hands it (an upload, `without kb import`), and what it
 * refuses before anything else looks at the file. Every limit is far above what a real threat
 * library needs, and far below what would exhaust the stack or the memory of a Forge function.
 */

/**
 * Rules (`appliesWhen`) nest through all, any and not at most this deep. Real conditions use
 * three or four levels; checking and matching a rule walk it recursively, so the limit keeps
 * both far from the end of the stack, whatever a file holds.
 */
export const MAX_RULE_DEPTH = 32;

/**
 * JSON values and XML elements nest at most this deep. The deepest real file (a TMT .tm7 model)
 * nests about 15 elements, and a knowledge base with rules at their limit about 70 values; the
 * XML parser the app uses stops at 100 by itself, without saying where.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Names that would reach an object's prototype when used as a key: never read as a JSON key,
 * an XML element or attribute, or a name that an importer looks up or keys by.
 */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const isReservedName = (name: string): boolean => RESERVED_NAMES.includes(name);

const REFUSED_NAME =
  "a name Without for Jira refuses (__proto__, constructor and prototype could change how the app's objects behave)";

/** Why a reserved name is refused, after what carries it: `the key "__proto__" is ...`. */
export const reservedNameReason = (what: string): string => `${what} is ${REFUSED_NAME}`;

/** A zod check for a string that is used as a key, worded like zod's own (`"id" is "constructor", ...`). */
export function refuseReservedName(value: string, ctx: z.RefinementCtx): void {
  if (isReservedName(value)) ctx.addIssue({ code: 'custom', message: `is "${value}", ${REFUSED_NAME}` });
}

export const RULE_DEPTH_REASON = `rules (appliesWhen) are nested more than ${MAX_RULE_DEPTH} levels deep; Without for Jira reads at most ${MAX_RULE_DEPTH} levels of all, any and not`;

export const nestingReason = (what: 'values' | 'elements'): string =>
  `${what} are nested more than ${MAX_NESTING_DEPTH} levels deep here; Without for Jira reads at most ${MAX_NESTING_DEPTH}`;
