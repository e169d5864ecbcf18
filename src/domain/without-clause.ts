import { z } from 'zod';

export const CLAUSE_TEXT_MIN = 3;
export const CLAUSE_TEXT_MAX = 500;

export const ThreatId = z.string().regex(/^T-[1-9][0-9]*$/, 'A threat id looks like T-12');
export type ThreatId = z.infer<typeof ThreatId>;

// The part of a user story after "WITHOUT": what must not happen along the way.
export const WithoutClause = z.object({
  id: z.string().min(1).max(40),
  text: z
    .string()
    .trim()
    .min(CLAUSE_TEXT_MIN, `A WITHOUT clause needs at least ${CLAUSE_TEXT_MIN} characters`)
    .max(CLAUSE_TEXT_MAX, `A WITHOUT clause can have at most ${CLAUSE_TEXT_MAX} characters`),
  threatIds: z.array(ThreatId).max(50),
});
export type WithoutClause = z.infer<typeof WithoutClause>;
