import type { StoryContext } from './rule-match';

/** A story as rules see it: a plain Story with this summary and nothing else, unless overridden. */
export const aStoryContext = (summary = '', overrides: Partial<StoryContext> = {}): StoryContext => ({
  issueType: 'Story',
  labels: [],
  components: [],
  summary,
  description: '',
  clauses: [],
  linkedThreats: [],
  ...overrides,
});
