import { ClauseText } from '../../../../src/domain/story/without-clause';

/** The domain schema's message for text that cannot be a clause, or undefined when it can. */
export function clauseTextError(text: string): string | undefined {
  const result = ClauseText.safeParse(text);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** A clause as named inside a control's label: short enough to be read out. */
export function clauseName(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
  return `clause “${short}”`;
}

/**
 * The field shows "WITHOUT" before what is typed, so a leading "WITHOUT " typed or pasted again
 * (any case) is dropped: "WITHOUT having my card stolen" is saved as "having my card stolen",
 * never "WITHOUT WITHOUT …". Only once a space follows it, so "Withholding …" stays as typed.
 */
export const withoutPrefixDropped = (text: string): string => text.replace(/^\s*without\s+/i, '');
