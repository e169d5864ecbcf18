import { z } from 'zod';
import { WithoutClause } from './without-clause';

// What the story panel shows: the story, its WITHOUT clauses, and what the viewer may do.
export const StoryView = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  summary: z.string(),
  clauses: z.array(WithoutClause),
  canEdit: z.boolean(),
  /** Stored values that failed their schema: shown as a warning, never a crash. */
  problems: z.array(z.string()),
});
export type StoryView = z.infer<typeof StoryView>;
