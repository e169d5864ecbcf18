import { useCallback, useMemo, useState } from 'react';
import type { SprintPlanView, SprintWarning } from '../../../../src/contract';
import { useFocusNext, type FocusNext } from '../audit/fix-focus';
import type { SprintPlanData } from './use-sprint-plan';

/** What a gap's fix in place may do, and whether the person may do it. */
export interface GapFixes {
  projectKey: string;
  canEditStories: boolean;
  /** Undefined: the answer did not say (the backend checks on save either way). */
  canEditThreatModel: boolean | undefined;
  /** Links the threat to the gap's clause; undefined when it worked, else why not. */
  linkThreat(gap: SprintWarning, threatId: string): Promise<string | undefined>;
  /** A mitigation was added to the gap's threat: the plan is read again. */
  mitigationAdded(gap: SprintWarning, mitigationId: string): Promise<void>;
}

/**
 * The fixes of the plan's gaps, and the line that says what the last one did. A fixed gap leaves
 * the list with its controls, so focus rests on that line instead of going back to the frame's top.
 */
export function useGapFixes(
  view: SprintPlanView,
  plan: Pick<SprintPlanData, 'linkThreat' | 'reload'>,
): { fixes: GapFixes; done: string | undefined; doneLine: FocusNext<HTMLElement> } {
  // Said of the sprint it was done in: another sprint picked since does not show it.
  const [done, setDone] = useState<{ said: string; sprintId: number }>();
  const doneLine = useFocusNext<HTMLElement>();
  const { linkThreat, reload } = plan;
  const sprintId = view.sprint.id;
  const sayDone = useCallback(
    (said: string) => {
      doneLine.focusNext();
      setDone({ said, sprintId });
    },
    [doneLine, sprintId],
  );

  const link = useCallback(
    async (gap: SprintWarning, threatId: string) => {
      if (!gap.clauseId) return 'This gap names no clause: reload the plan.';
      const envelope = await linkThreat({ issueKey: gap.storyKey, clauseId: gap.clauseId, threatId });
      if (!envelope.ok) return envelope.error.message;
      sayDone(`Linked ${threatId} to the WITHOUT clause of ${gap.storyKey}.`);
      return undefined;
    },
    [linkThreat, sayDone],
  );

  const mitigationAdded = useCallback(
    async (gap: SprintWarning, mitigationId: string) => {
      const read = await reload();
      const toPullIn = read.ok && read.data.pullIn.some((item) => item.mitigationId === mitigationId);
      sayDone(
        `${mitigationId} added to ${gap.threatId ?? 'the threat'}${toPullIn ? ': it is in the work to pull in below' : ''}.`,
      );
    },
    [reload, sayDone],
  );

  const { projectKey, canEditStories, canEditThreatModel } = view;
  const fixes = useMemo(
    (): GapFixes => ({ projectKey, canEditStories, canEditThreatModel, linkThreat: link, mitigationAdded }),
    [projectKey, canEditStories, canEditThreatModel, link, mitigationAdded],
  );
  return { fixes, done: done?.sprintId === sprintId ? done.said : undefined, doneLine };
}
