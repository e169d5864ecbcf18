import { useCallback } from 'react';
import { CLAUSE_TEXT_MAX } from '../../../../src/domain/story/without-clause';
import { useClauseText, type ClauseText } from '../common/clause-input';
import { useRowRemembered } from './row-memory';

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

/**
 * The text of a new clause drafted from the threat's title, kept by the finding's row as it is
 * typed (the fix is mounted anew when the frame crosses the compact width).
 */
export function useDraftedClause(threatTitle: string): ClauseText {
  const typed = useRowRemembered('clause-text', clauseFromThreat(threatTitle));
  const clause = useClauseText(typed.initial);
  const { remember } = typed;
  const { change: changeText } = clause;
  const change = useCallback(
    (text: string) => {
      remember(text);
      changeText(text);
    },
    [remember, changeText],
  );
  return { ...clause, change };
}
