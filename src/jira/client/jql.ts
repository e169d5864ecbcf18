/** A JQL string literal: quoted, with quotes and backslashes escaped. */
export const jqlString = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;
