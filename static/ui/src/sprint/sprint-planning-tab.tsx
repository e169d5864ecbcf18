import EmptyState from '@atlaskit/empty-state';
import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { useResolverView } from '../common/use-resolver-view';
import { SprintPlan } from './sprint-plan';
import { orderSprints, SprintPicker } from './sprint-picker';

/** The project page's "Sprint planning" tab: pick an active or future sprint, see and plan its security work. */
export function SprintPlanningTab() {
  const { state, load } = useResolverView('sprint/list', {});
  const [chosen, setChosen] = useState<number>();

  if (state.status === 'loading') return <Loading label="Loading the sprints" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load the sprints" error={state.error} onRetry={() => void load()} />;

  const choices = orderSprints(state.view);
  const [first] = choices;
  if (!first) {
    return (
      <EmptyState
        header="No active or future sprints"
        description="Create a sprint on one of this project’s boards to plan its security work here."
        headingLevel={2}
      />
    );
  }
  // The sprint being planned (the next future one; the active one when none is planned yet) unless
  // the person picked another. The tab stays mounted while the page is open, and so does the pick.
  const planned = choices.find((sprint) => sprint.state === 'future') ?? first;
  const sprintId = choices.some((sprint) => sprint.id === chosen) && chosen !== undefined ? chosen : planned.id;

  return (
    <Stack space="space.250">
      <SprintPicker sprints={choices} value={sprintId} onChange={setChosen} />
      <SprintPlan key={sprintId} sprintId={sprintId} />
    </Stack>
  );
}
