import { FIRST_WINDOW, type SprintWindow } from '../../domain/sprint/sprint-window';

/** The part of the plan a request asks for; what it leaves out is the first page. */
export const windowOf = (
  { storyOffset, pullInLimit }: { storyOffset?: number | undefined; pullInLimit?: number | undefined },
  mitigationIds: readonly string[] = [],
): SprintWindow => ({
  storyOffset: storyOffset ?? FIRST_WINDOW.storyOffset,
  pullInLimit: pullInLimit ?? FIRST_WINDOW.pullInLimit,
  mitigationIds,
});
