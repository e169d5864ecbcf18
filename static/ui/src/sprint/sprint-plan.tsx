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
import { useSprintPlan, type SprintPlanData } from './use-sprint-plan';

/** Tasks move in the backlog, not here: the plan is read again this often while the page is visible. */
export const REFRESH_MS = 30_000;

/**
 * The security work of one sprint's stories, and the way to pull it into the sprint. Shared by
 * the sprint action (no `sprintId`: the backend reads the sprint from the context) and the
 * project page's Sprint planning tab.
 */
export function SprintPlan({ sprintId }: { sprintId?: number }) {
  const plan = useSprintPlan(sprintId);
  const { state } = plan;
  useLiveRefresh(plan.reload, plan.isBusy, REFRESH_MS);

  if (state.status === 'loading') return <Loading label="Loading the sprint plan" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load the sprint plan" error={state.error} onRetry={plan.reload} />;
  return <SprintPlanContent view={state.view} addTasks={plan.addTasks} />;
}

function SprintPlanContent({ view, addTasks }: { view: SprintPlanView; addTasks: SprintPlanData['addTasks'] }) {
  const [addedCount, setAddedCount] = useState(0);
  const onAdded = useCallback(() => setAddedCount((n) => n + 1), []);
  const pullIn = usePullIn(view, addTasks, onAdded);

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
          {view.warnings.length > 0 && <SprintWarnings warnings={view.warnings} stories={view.stories} />}
          <PullInList view={view} pullIn={pullIn} addedCount={addedCount} />
          <PlannedStories stories={view.stories} threats={view.threats} mitigations={view.mitigations} />
        </>
      )}
    </Stack>
  );
}
