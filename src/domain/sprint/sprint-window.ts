import { linkedThreatIds } from '../story/story-clauses';
import type { SprintPlan } from './sprint-plan';
import type { SprintStory } from './sprint-view';

// The part of a sprint's plan the view shows: one page of stories, the first pieces of work to
// pull in, and the threats and mitigations those name. The whole plan of a 2,000-story sprint
// was a 2.1 MB answer; the totals (risk, coverage, gaps, counts) are still worked out from all of it.

/** Stories shown at a time: each is a card with its clauses, threats and mitigations. */
export const STORY_PAGE_SIZE = 25;
/** Pieces of work to pull in shown at first, and added by each "Show more". */
export const PULL_IN_PAGE_SIZE = 50;
/** The most pieces of work to pull in one answer lists. */
export const PULL_IN_MOST = 200;

export interface SprintWindow {
  /** Index of the first story shown; past the end, the last page is shown. */
  storyOffset: number;
  /** How many pieces of work to pull in to list, most risk removed first. */
  pullInLimit: number;
  /** Mitigations to include whatever the page (the ones just pulled in, to name their new tasks). */
  mitigationIds?: readonly string[];
}

export const FIRST_WINDOW: SprintWindow = { storyOffset: 0, pullInLimit: PULL_IN_PAGE_SIZE };

export interface SprintPlanPage extends SprintPlan {
  /** The page of stories shown, from storyOffset, of storyCount in all. */
  stories: SprintStory[];
  storyOffset: number;
  storyCount: number;
  /** How many pieces of work there are to pull in, of which pullIn lists the first. */
  pullInCount: number;
}

/** The first story of the page that holds `offset` (the last page when past the end). */
function pageStart(offset: number, count: number): number {
  const last = Math.max(0, Math.ceil(count / STORY_PAGE_SIZE) - 1);
  return Math.min(Math.floor(Math.max(0, offset) / STORY_PAGE_SIZE), last) * STORY_PAGE_SIZE;
}

export function pageOfPlan(stories: SprintStory[], plan: SprintPlan, window: SprintWindow): SprintPlanPage {
  const storyOffset = pageStart(window.storyOffset, stories.length);
  const shown = stories.slice(storyOffset, storyOffset + STORY_PAGE_SIZE);
  const pullIn = plan.pullIn.slice(0, Math.min(Math.max(1, window.pullInLimit), PULL_IN_MOST));

  const storyThreats = new Set<string>();
  for (const story of shown)
    for (const id of linkedThreatIds(story.clauses, story.directThreatIds)) storyThreats.add(id);
  const named = new Set(storyThreats);
  for (const item of pullIn) for (const id of item.threatIds) named.add(id);
  const threats: SprintPlan['threats'] = {};
  for (const id of named) {
    const threat = plan.threats[id];
    if (threat) threats[id] = threat;
  }
  const extra = new Set(window.mitigationIds ?? []);
  const mitigations = plan.mitigations.filter(
    (m) => extra.has(m.id) || m.addresses.some((a) => storyThreats.has(a.threatId)),
  );
  return {
    ...plan,
    stories: shown,
    storyOffset,
    storyCount: stories.length,
    threats,
    mitigations,
    pullIn,
    pullInCount: plan.pullIn.length,
  };
}
