import { useRef, useState } from 'react';
import {
  readStoryClauses,
  storyClausesValue,
  type StoryClausesValue,
} from '../../../../../src/domain/story/story-clauses';
import type { WithoutClause } from '../../../../../src/domain/story/without-clause';
import { clauseTextError } from '../../common/clause-text';
import { newClauseId } from '../../common/new-clause-id';

/** As many clauses as StoryClausesValue lets a story have. */
export const MAX_CLAUSES = 50;
export const TOO_MANY_CLAUSES = `A story can have at most ${MAX_CLAUSES} WITHOUT clauses`;

/** Why a clause's text cannot be saved, by clause id. */
export type TextErrors = Record<string, string>;

/** What the field holds right now, as it goes into the create form: the value, and how many texts it leaves out. */
export interface Preview {
  value: StoryClausesValue;
  /** Texts that cannot be saved as they are (too short, too long), so are not in `value`. */
  leftOut: number;
}

/** Either the value to submit, or where to look first: a clause's id, or `NEW_CLAUSE` for the add field. */
export type Checked =
  { ok: true; value: StoryClausesValue } | { ok: false; firstInvalid: string; newClauseError?: string };

export const NEW_CLAUSE = 'new-clause';

// The texts being edited. Only texts change here: each clause keeps its threat links, and the
// story keeps its direct ones, since threats are linked in the WITHOUT clauses panel.
export function useClauseDraft(fieldValue: unknown) {
  const [stored] = useState(() => readStoryClauses(fieldValue));
  const [clauses, setClauses] = useState<WithoutClause[]>(stored.clauses);
  const [errors, setErrors] = useState<TextErrors>({});
  // Text typed in the add field keeps one id while it is typed, so each value sent carries the same clause.
  const pendingId = useRef(newClauseId());
  const pendingClause = (text: string): WithoutClause => ({ id: pendingId.current, text: text.trim(), threatIds: [] });

  function changeText(id: string, text: string) {
    setClauses((current) => current.map((clause) => (clause.id === id ? { ...clause, text } : clause)));
    setErrors(({ [id]: _cleared, ...rest }) => rest);
  }

  /** Why `text` cannot be added, or undefined when it can. */
  function addProblem(text: string): string | undefined {
    return clauseTextError(text) ?? (clauses.length >= MAX_CLAUSES ? TOO_MANY_CLAUSES : undefined);
  }

  /** Adds a clause, or answers why it cannot be added. */
  function add(text: string): string | undefined {
    const problem = addProblem(text);
    if (!problem) {
      setClauses([...clauses, pendingClause(text)]);
      pendingId.current = newClauseId();
    }
    return problem;
  }

  function remove(id: string) {
    setClauses((current) => current.filter((clause) => clause.id !== id));
    setErrors(({ [id]: _removed, ...rest }) => rest);
  }

  /**
   * The field value to submit, one revision on from the stored one, or what to fix first.
   * Text still in the add field is added: leaving it out would drop what was typed.
   */
  function check(pendingText: string): Checked {
    const found: TextErrors = {};
    for (const clause of clauses) {
      const problem = clauseTextError(clause.text);
      if (problem) found[clause.id] = problem;
    }
    setErrors(found);
    const pending = pendingText.trim() ? pendingClause(pendingText) : undefined;
    const newClauseError = pending ? addProblem(pendingText) : undefined;
    const firstInvalid = clauses.find((clause) => found[clause.id])?.id ?? (newClauseError ? NEW_CLAUSE : undefined);
    if (firstInvalid) return { ok: false, firstInvalid, newClauseError };
    const next = [...clauses.map((clause) => ({ ...clause, text: clause.text.trim() })), ...(pending ? [pending] : [])];
    setClauses(next);
    if (pending) pendingId.current = newClauseId();
    return { ok: true, value: storyClausesValue(next, stored.directThreatIds, stored.revision + 1) };
  }

  /**
   * The value as typed so far, with nothing marked or changed on screen: every clause whose
   * text can be saved, and the text in the add field too when it can. On issue-create this is
   * what goes into the create form as the person types, so Create keeps it.
   */
  function preview(pendingText: string): Preview {
    const pending = pendingText.trim() ? pendingClause(pendingText) : undefined;
    const typed = [
      ...clauses.map((clause) => ({ ...clause, text: clause.text.trim() })),
      ...(pending ? [pending] : []),
    ];
    const kept = typed.filter((clause) => clauseTextError(clause.text) === undefined).slice(0, MAX_CLAUSES);
    return {
      value: storyClausesValue(kept, stored.directThreatIds, stored.revision + 1),
      leftOut: typed.length - kept.length,
    };
  }

  return { clauses, errors, storedIsInvalid: stored.problems.length > 0, changeText, add, remove, check, preview };
}
