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
