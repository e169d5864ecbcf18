import { Stack, Text } from '@atlaskit/primitives';
import type { StoryView } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { EditingProvider, useIsEditing } from '../common/editing';
import { FocusRequestProvider, useRequestFocus } from '../common/focus-request';
import { Loading } from '../common/loading';
import { LIVE_REFRESH_MS, useLiveRefresh } from '../common/use-live-refresh';
import { TaskPanel } from '../mitigation/task-panel';
import { ADD_FIELD, AddClauseField } from './add-clause-field';
import { editButtonKey } from './clause-controls';
import { ClauseList } from './clause-list';
import { DirectThreats } from './direct-threats';
import { NoClauses } from './no-clauses';
import { ProblemsMessage } from '../common/problems-message';
import { ReadOnlyNote } from './read-only-note';
import { SaveErrorMessage } from './save-error-message';
import { SuggestThreats } from './suggest-threats';
import { ThreatMitigations } from './threat-mitigations';
import { UNDO_BUTTON, UndoDeleteBar } from './undo-delete-bar';
import { PendingNotice } from '../common/pending-notice';
import { AT_ADD_FIELD, AT_STORY, useStoryClauses, type StoryClauses } from './use-story-clauses';

// The issue panel: the WITHOUT clauses of the story the developer is looking at, or, on a
// mitigation task, what the task mitigates. Every 15 s it asks whether what it shows moved and
// reads the story again only then (and in full when the person comes back to it), so that a task
// done elsewhere shows here without a reload; never while something is being edited.
export function StoryPanel() {
  return (
    <FocusRequestProvider>
      <EditingProvider>
        <StoryClauses />
      </EditingProvider>
    </FocusRequestProvider>
  );
}

function StoryClauses() {
  const story = useStoryClauses();
  const { state } = story;
  useLiveRefresh(story.tick, useIsEditing(), LIVE_REFRESH_MS, story.refresh);

  if (state.status === 'loading') return <Loading label="Loading WITHOUT clauses" />;
  if (state.status === 'error') {
    return <ErrorMessage title="Could not load the WITHOUT clauses" error={state.error} onRetry={story.retry} />;
  }
  if (state.view.task) {
    return (
      <Stack space="space.200">
        <ProblemsMessage problems={state.view.problems} />
        <TaskPanel task={state.view.task} />
        <StaleNote stale={story.stale} />
      </Stack>
    );
  }
  return <StoryClausesView view={state.view} story={story} />;
}

function StaleNote({ stale }: { stale: boolean }) {
  if (!stale) return null;
  return (
    <Text as="p" size="small" color="color.text.subtlest">
      Could not refresh just now; what you see may be out of date.
    </Text>
  );
}

function StoryClausesView({ view, story }: { view: StoryView; story: StoryClauses }) {
  const { busy, savingAt, failure, deleted, actions, mitigations } = story;
  const { clauses, directThreatIds, threats, problems, canEdit } = view;
  const requestFocus = useRequestFocus();
  const formThreats = Object.values(threats).filter((threat) => threat.state === 'active');

  const threatDetails = (threatId: string, scope: string) => (
    <ThreatMitigations
      scope={scope}
      threatId={threatId}
      threat={threats[threatId]}
      risk={view.risk[threatId]}
      mitigations={view.mitigations}
      formThreats={formThreats}
      canEdit={view.canEditThreatModel}
      canCreateTasks={view.canCreateTasks}
      actions={mitigations}
      startExpanded={story.justLinked.has(threatId)}
    />
  );

  async function undo() {
    if (!deleted) return;
    requestFocus((await actions.undoRemove()) ? editButtonKey(deleted.clause.id) : UNDO_BUTTON);
  }

  return (
    <Stack space="space.200">
      <ProblemsMessage problems={problems} />
      {failure && <SaveErrorMessage failure={failure} disabled={busy} onReload={() => void story.reload()} />}
      {clauses.length > 0 ? (
        <ClauseList
          clauses={clauses}
          threats={threats}
          canEdit={canEdit}
          canEditThreatModel={view.canEditThreatModel}
          busy={busy}
          savingAt={savingAt}
          savedOnRetry={story.savedOnRetry}
          actions={actions}
          threatDetails={threatDetails}
        />
      ) : (
        <NoClauses />
      )}
      {canEdit && deleted && (
        <UndoDeleteBar
          clauseText={deleted.clause.text}
          disabled={busy}
          onUndo={() => void undo()}
          onDismiss={() => {
            story.dismissUndo();
            requestFocus(ADD_FIELD);
          }}
          onExpire={story.dismissUndo}
        />
      )}
      {canEdit && (
        <AddClauseField
          disabled={busy}
          saving={savingAt === AT_ADD_FIELD}
          savedOnRetry={story.savedOnRetry?.at === AT_ADD_FIELD ? story.savedOnRetry.count : 0}
          onAdd={actions.add}
        />
      )}
      {directThreatIds.length > 0 && (
        <DirectThreats
          threatIds={directThreatIds}
          threats={threats}
          disabled={busy}
          onUnlink={canEdit ? (threatId) => void actions.unlinkDirect(threatId) : undefined}
          threatDetails={threatDetails}
        />
      )}
      <SuggestThreats view={view} busy={busy} onAccept={story.acceptSuggestion} />
      {!canEdit && <ReadOnlyNote />}
      <StaleNote stale={story.stale} />
      <PendingNotice pending={savingAt === AT_STORY} />
    </Stack>
  );
}
