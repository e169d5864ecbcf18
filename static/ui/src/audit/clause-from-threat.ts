import { CLAUSE_TEXT_MAX } from '../../../../src/domain/story/without-clause';

/**
 * A WITHOUT clause's first draft from a threat's title, for the person to edit: it reads after
 * "WITHOUT", so the first letter is lower case (unless the title starts with an acronym, "XSS …").
 */
export function clauseFromThreat(title: string): string {
  const text = title.trim().slice(0, CLAUSE_TEXT_MAX);
  const acronym = /^[A-Z]{2}/.test(text);
  return acronym ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A clause is a sentence: its field is wide enough to read most of one, never wider than the row. */
export const CLAUSE_FIELD_STYLE = { width: '26em', maxWidth: '100%' };
