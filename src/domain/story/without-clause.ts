import { z } from 'zod';
import { personText, storedText, type TextRule } from '../common/text-hygiene';

export const CLAUSE_TEXT_MIN = 3;
export const CLAUSE_TEXT_MAX = 500;

export const ThreatId = z.string().regex(/^T-[1-9][0-9]*$/, 'A threat id looks like T-12');
export type ThreatId = z.infer<typeof ThreatId>;

// A clause is one sentence: it reads after "WITHOUT" on one line.
const CLAUSE_TEXT: TextRule = {
  label: 'A WITHOUT clause',
  min: CLAUSE_TEXT_MIN,
  max: CLAUSE_TEXT_MAX,
  multiline: false,
};

/** The text of a WITHOUT clause as a person writes it: what the story panel and the field editor check. */
export const ClauseText = personText(CLAUSE_TEXT);

// The part of a user story after "WITHOUT": what must not happen along the way, as stored in
// the story's field. Its text is read as saved, so clauses stored before the text rule stay
// readable; a person's edit is checked with WithoutClauseDraft.
export const WithoutClause = z.object({
  id: z.string().min(1).max(40),
  text: storedText(CLAUSE_TEXT),
  threatIds: z.array(ThreatId).max(50),
});
export type WithoutClause = z.infer<typeof WithoutClause>;

/** A clause as a person sends it to be saved. */
export const WithoutClauseDraft = WithoutClause.extend({ text: ClauseText });
export type WithoutClauseDraft = z.infer<typeof WithoutClauseDraft>;
