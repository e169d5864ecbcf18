// Jira Cloud's points-based quota, as Atlassian's rate-limiting page gives it, and what the
// benchmark holds one open page to. The points of a request are estimated from what the app
// asked for and what came back (test/bench/forge-replay.ts counts the objects of each answer).

/** Where the figures below come from. */
export const RATE_LIMITING_PAGE = 'https://developer.atlassian.com/cloud/jira/platform/rate-limiting/';

/**
 * The default quota (Tier 1, "Global Pool"): points an hour for the app, shared by every site it
 * is installed on, reset at the top of each UTC hour. A site may be moved to a per-site quota
 * (Tier 2) only after Atlassian reviews the app, so the default is what the app must live with.
 */
export const TIER_1_POINTS_AN_HOUR = 65_000;

/**
 * Our budget for one open page: a twentieth of the default quota, so that twenty pages left open
 * for an hour stay inside it. A choice of this project, not Atlassian's figure.
 */
export const PAGE_POINTS_BUDGET = TIER_1_POINTS_AN_HOUR / 20;

/**
 * The page's rule: a request costs a base of 1 point, plus points for each object it reads; a
 * write costs the base only. We count 1 a read object (issues of a search or a bulk fetch, entries
 * of a list, else the one resource); the page charges 2 for identity and access objects, so this
 * is an estimate, and a lower bound where permissions or users are read.
 */
export const pointsOf = (requests: Array<{ objects?: number }>): number =>
  requests.reduce((sum, r) => sum + 1 + (r.objects ?? 0), 0);

/**
 * What the bench assumes of a story panel left open: something it shows (a task's status, the
 * story's clauses, the model) changes this often, and each change costs one full read of the story
 * beside the tick's check. Jira tells an issue panel nothing, so it is an assumption, not a measure.
 */
export const PANEL_CHANGE_EVERY_MINUTES = 5;

export const quotaNote = (): string =>
  `Jira requests an hour are held against Jira Cloud's points-based quota (${RATE_LIMITING_PAGE}): by default ` +
  `(Tier 1, "Global Pool") an app has ${TIER_1_POINTS_AN_HOUR.toLocaleString('en-US')} points an hour, shared by every site it is installed on; ` +
  'a request costs 1 point plus points for each object it reads, and a write costs the base only. Points here count 1 a request ' +
  'and 1 an object read (issues of a search or bulk fetch, entries of a list, else the one resource read); the page charges 2 for ' +
  'identity and access objects, so this is an estimate. The story panel left open asks story/changes every 15 s (the ' +
  "model's meta and one bulk fetch of the story with the tasks its view shows) and reads the story (story/get) only when that " +
  `says yes: counted as one change every ${PANEL_CHANGE_EVERY_MINUTES} minutes. ` +
  'The Threat model tab left open asks threat-model/changes every 30 s (the ' +
  "model's meta, one search for an updated task or story, one approximate count of them, which moves when one is deleted) and reads " +
  'the model only when that says yes: a full read is threat-model/get, threat-model/threats for the page shown and ' +
  'threat-model/story-counts for it (static/ui/src/threat-model/use-story-counts.ts asks the counts again after every model read), ' +
  'some 3,400 points at 3,000 tasks, so it happens once per change, never on a timer. ' +
  `Budget: one open page at most ${PAGE_POINTS_BUDGET.toLocaleString('en-US')} points an hour ` +
  '(a twentieth of the default quota: twenty pages open all hour stay inside it).';
