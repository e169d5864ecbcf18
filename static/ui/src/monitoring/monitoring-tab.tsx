import EmptyState from '@atlaskit/empty-state';
import { Stack, Text } from '@atlaskit/primitives';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { WHO_CAN_EDIT } from '../common/editors-note';
import { MonitoredThreatSection } from './monitored-threat';
import { MonitoringExport } from './monitoring-export';
import { ThreatsWithoutEventsList } from './threats-without-events';
import { useMonitoring } from './use-monitoring';

/** Why "Create task" is missing, for the people who do not have it. */
function createTaskNote(view: { projectKey: string; canEdit: boolean; canCreateTasks: boolean }): string | undefined {
  if (!view.canEdit) return `Read only: adding an event or creating a task changes the threat model. ${WHO_CAN_EDIT}`;
  if (!view.canCreateTasks)
    return `Read only: you can't create and link issues in ${view.projectKey}, which creating a task takes.`;
  return undefined;
}

/** Operations' view: the detection events the active threats need, to wire alerts, each one a task. */
export function MonitoringTab() {
  const monitoring = useMonitoring();
  const { state, reload } = monitoring;
  if (state.status === 'loading') return <Loading label="Loading the monitoring view" />;
  if (state.status === 'error')
    return (
      <ErrorMessage title="Could not load the monitoring view" error={state.error} onRetry={() => void reload()} />
    );
  const { view } = state;
  const note = createTaskNote(view);
  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Text as="p" color="color.text.subtle" testId="monitoring-summary">
          {view.counts.events === 0
            ? 'What the running system should log or alert on when an attack on an active threat is tried.'
            : `What the running system should log or alert on when an attack on an active threat is tried: ${view.counts.events} detection events, ${view.counts.withTask} with a task.`}
        </Text>
        {note && (
          <Text as="p" size="small" color="color.text.subtlest">
            {note}
          </Text>
        )}
        <ProblemsMessage problems={view.problems} />
        <MonitoringExport />
      </Stack>
      {view.threats.length === 0 ? (
        <EmptyState
          header="No detection events yet"
          description="Detection events come with threats added from a knowledge base (Suggest threats on a story), or add them by hand to any threat below."
          headingLevel={2}
        />
      ) : (
        view.threats.map((threat) => (
          <MonitoredThreatSection
            key={threat.id}
            threat={threat}
            canCreate={view.canEdit && view.canCreateTasks}
            canEdit={view.canEdit}
            monitoring={monitoring}
          />
        ))
      )}
      <ThreatsWithoutEventsList
        groups={view.withoutEvents}
        canEdit={view.canEdit}
        changeEvent={monitoring.changeEvent}
      />
    </Stack>
  );
}
