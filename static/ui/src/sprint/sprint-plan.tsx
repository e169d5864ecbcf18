import EmptyState from '@atlaskit/empty-state';
import { Box, Stack } from '@atlaskit/primitives';
import { useCallback, useState } from 'react';
import type { SprintPlanView } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { useLiveRefresh } from '../common/use-live-refresh';
import { ProblemsMessage } from '../common/problems-message';
import { PlannedStories } from './planned-stories';
import { PullInList } from './pull-in-list';
import { SprintHeader } from './sprint-header';
import { CoverageText } from '../common/coverage-text';
import { SprintWarnings } from './sprint-warnings';
import { usePullIn } from './use-pull-in';
import { useGapFixes } from './use-gap-fixes';
import { DoneLine } from '../audit/fix-focus';
import { FIRST_PAGE, useSprintPlan, type PlanWindow, type SprintPlanData } from './use-sprint-plan';
import { PULL_IN_PAGE_SIZE } from '../../../../src/domain/sprint/sprint-window';

/** Tasks move in the backlog, not here: the plan is read again this often while the page is visible. */
export const REFRESH_MS = 30_000;

/**
 * The security work of one sprint's stories, and the way to pull it into the sprint. Shared by
 * the sprint action (no `sprintId`: the backend reads the sprint from the context) and the
 * project page's Sprint planning tab.
 */
export function SprintPlan({ sprintId }: { sprintId?: number }) {
  const [shownPart, setShownPart] = useState<PlanWindow>(FIRST_PAGE);
  const plan = useSprintPlan(sprintId, shownPart);
  const { state } = plan;
  useLiveRefresh(plan.reload, plan.isBusy, REFRESH_MS);

  if (state.status === 'loading') return <Loading label="Loading the sprint plan" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load the sprint plan" error={state.error} onRetry={plan.reload} />;
  return <SprintPlanContent view={state.view} plan={plan} asked={shownPart} ask={setShownPart} />;
}

interface ContentProps {
  view: SprintPlanView;
  plan: Pick<SprintPlanData, 'addTasks' | 'linkThreat' | 'reload'>;
  /** The part of the plan asked for, which the view on screen may not show yet, and the way to ask for another. */
  asked: PlanWindow;
  ask: (part: PlanWindow) => void;
}

function SprintPlanContent({ view, plan, asked, ask }: ContentProps) {
  // Which part was asked for, while the view on screen is still the one it was asked from: any
  // new answer is the one asked for, or newer.
  const [asking, setAsking] = useState<{ part: 'stories' | 'work'; from: SprintPlanView }>();
  const waiting = asking?.from === view ? asking.part : undefined;
  const [addedCount, setAddedCount] = useState(0);
  const onAdded = useCallback(() => setAddedCount((n) => n + 1), []);
  const pullIn = usePullIn(view, plan.addTasks, onAdded);
  const gaps = useGapFixes(view, plan);

  return (
    <Stack space="space.250">
      <SprintHeader sprint={view.sprint} risk={view.risk} />
      {view.coverage && (
        <Box testId="sprint-coverage">
          <CoverageText coverage={view.coverage} where="in this sprint" />
        </Box>
      )}
      <ProblemsMessage problems={view.problems} />
      {view.stories.length === 0 ? (
        <EmptyState
          header="No stories in this sprint yet"
          description="Plan stories for this sprint in the backlog: the security work their WITHOUT clauses call for shows here."
          headingLevel={3}
        />
      ) : (
        <>
          {gaps.done && <DoneLine text={gaps.done} focusRef={gaps.doneLine.ref} />}
          {view.warnings.length > 0 && (
            <SprintWarnings warnings={view.warnings} stories={view.stories} fixes={gaps.fixes} />
          )}
          <PullInList
            view={view}
            pullIn={pullIn}
            addedCount={addedCount}
            showMore={{
              loading: waiting === 'work',
              onShowMore: () => {
                setAsking({ part: 'work', from: view });
                ask({ ...asked, pullInLimit: view.pullIn.length + PULL_IN_PAGE_SIZE });
              },
            }}
          />
          <PlannedStories
            stories={view.stories}
            threats={view.threats}
            mitigations={view.mitigations}
            pages={{
              offset: view.storyOffset,
              count: view.storyCount,
              loading: waiting === 'stories',
              onPage: (storyOffset) => {
                setAsking({ part: 'stories', from: view });
                ask({ ...asked, storyOffset });
              },
            }}
          />
        </>
      )}
    </Stack>
  );
}
