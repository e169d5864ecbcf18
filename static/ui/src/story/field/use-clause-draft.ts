import { useState } from 'react';
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

/** Either the value to submit, or where to look first: a clause's id, or `NEW_CLAUSE` for the add field. */
export type Checked =
  { ok: true; value: StoryClausesValue } | { ok: false; firstInvalid: string; newClauseError?: string };

export const NEW_CLAUSE = 'new-clause';

const newClause = (text: string): WithoutClause => ({ id: newClauseId(), text: text.trim(), threatIds: [] });

// The texts being edited. Only texts change here: each clause keeps its threat links, and the
// story keeps its direct ones, since threats are linked in the WITHOUT clauses panel.
export function useClauseDraft(fieldValue: unknown) {
  const [stored] = useState(() => readStoryClauses(fieldValue));
  const [clauses, setClauses] = useState<WithoutClause[]>(stored.clauses);
  const [errors, setErrors] = useState<TextErrors>({});

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
    if (!problem) setClauses([...clauses, newClause(text)]);
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
    const pending = pendingText.trim() ? newClause(pendingText) : undefined;
    const newClauseError = pending ? addProblem(pendingText) : undefined;
    const firstInvalid = clauses.find((clause) => found[clause.id])?.id ?? (newClauseError ? NEW_CLAUSE : undefined);
    if (firstInvalid) return { ok: false, firstInvalid, newClauseError };
    const next = [...clauses.map((clause) => ({ ...clause, text: clause.text.trim() })), ...(pending ? [pending] : [])];
    setClauses(next);
    return { ok: true, value: storyClausesValue(next, stored.directThreatIds, stored.revision + 1) };
  }

  return { clauses, errors, storedIsInvalid: stored.problems.length > 0, changeText, add, remove, check };
}
