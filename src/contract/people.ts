import { z } from 'zod';
import { endpoint } from './endpoint';

/** At most this many names per lookup: one page of Jira's /user/bulk (src/jira/people). */
export const PEOPLE_NAMES_MAX = 100;
export const PeopleNamesQuery = z.object({
  accountIds: z.array(z.string().min(1).max(128)).min(1).max(PEOPLE_NAMES_MAX),
});
export type PeopleNamesQuery = z.infer<typeof PeopleNamesQuery>;

/** Display names by account id; people Jira does not show the caller are absent. */
export type PeopleNames = Record<string, string>;

export const peopleEndpoints = {
  'people/names': endpoint<PeopleNames>()(PeopleNamesQuery),
};
