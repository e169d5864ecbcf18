import { useCallback, useRef } from 'react';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { SprintPlanView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView, type ViewState } from '../common/use-resolver-view';
import { PULL_IN_PAGE_SIZE } from '../../../../src/domain/sprint/sprint-window';

/** The part of the plan to show: the page of stories from `storyOffset`, the first `pullInLimit` pieces of work. */
export interface PlanWindow {
  storyOffset: number;
  pullInLimit: number;
}

export const FIRST_PAGE: PlanWindow = { storyOffset: 0, pullInLimit: PULL_IN_PAGE_SIZE };

/** Only what differs from the first page is asked for. */
const windowPayload = ({ storyOffset, pullInLimit }: PlanWindow) => ({
  ...(storyOffset !== FIRST_PAGE.storyOffset ? { storyOffset } : {}),
  ...(pullInLimit !== FIRST_PAGE.pullInLimit ? { pullInLimit } : {}),
});

export type SprintPlanState = ViewState<SprintPlanView>;

export interface SprintPlanData {
  state: SprintPlanState;
  /** Reads the plan again; a plan already shown stays on screen until the new one arrives. */
  reload(): Promise<Envelope<SprintPlanView>>;
  /** Pulls mitigations into the shown sprint; the answer replaces the plan on screen. */
  addTasks(mitigationIds: string[]): Promise<Envelope<SprintPlanView>>;
  /** Links a threat to a clause that has none (a gap's fix); the answer replaces the plan on screen. */
  linkThreat(link: { issueKey: string; clauseId: string; threatId: string }): Promise<Envelope<SprintPlanView>>;
  /** Whether an addition is running (a background reload waits for it). */
  isBusy(): boolean;
}

/**
 * The plan of one sprint: `sprintId` on the project page; undefined in the sprint action,
 * where the backend reads the sprint from the module's context.
 */
export function useSprintPlan(sprintId: number | undefined, planWindow: PlanWindow = FIRST_PAGE): SprintPlanData {
  const { state, load, show, claim, apply } = useResolverView('sprint/get', {
    ...(sprintId === undefined ? {} : { sprintId }),
    ...windowPayload(planWindow),
  });
  const busy = useRef(0);
  const { storyOffset, pullInLimit } = planWindow;

  const shownSprintId = state.status === 'ready' ? state.view.sprint.id : undefined;

  const addTasks = useCallback(
    async (mitigationIds: string[]): Promise<Envelope<SprintPlanView>> => {
      if (shownSprintId === undefined)
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'The sprint is not loaded yet.' } };
      busy.current += 1;
      // A read that started before this change would show the plan without it.
      const isNewest = claim();
      const envelope = await callResolver('sprint/add-tasks', {
        sprintId: shownSprintId,
        mitigationIds,
        ...windowPayload({ storyOffset, pullInLimit }),
      });
      busy.current -= 1;
      if (envelope.ok) {
        if (isNewest()) show(envelope.data);
      } else {
        // Some of the work may have moved before the failure: show what is true now.
        void load();
      }
      return envelope;
    },
    [shownSprintId, load, show, claim, storyOffset, pullInLimit],
  );

  const linkThreat = useCallback(
    async (link: { issueKey: string; clauseId: string; threatId: string }): Promise<Envelope<SprintPlanView>> => {
      if (shownSprintId === undefined)
        return { ok: false, error: { code: 'BAD_REQUEST', message: 'The sprint is not loaded yet.' } };
      busy.current += 1;
      // apply: a read that started before the link would show the gap again.
      const envelope = await apply(() =>
        callResolver('sprint/link-threat', {
          sprintId: shownSprintId,
          ...link,
          ...windowPayload({ storyOffset, pullInLimit }),
        }),
      );
      busy.current -= 1;
      return envelope;
    },
    [shownSprintId, apply, storyOffset, pullInLimit],
  );

  const reload = useCallback(() => load(), [load]);
  const isBusy = useCallback(() => busy.current > 0, []);

  return { state, reload, addTasks, linkThreat, isBusy };
}
