import { Box, Stack, Text } from '@atlaskit/primitives';
import type { StoryView } from '../../../../src/domain/resolver-contract';
import { ErrorMessage } from '../common/error-message';
import { FocusRequestProvider, useRequestFocus } from '../common/focus-request';
import { Loading } from '../common/loading';
import { ADD_FIELD, AddClauseField } from './add-clause-field';
import { editButtonKey } from './clause-controls';
import { ClauseList } from './clause-list';
import { DirectThreats } from './direct-threats';
import { NoClauses } from './no-clauses';
import { ProblemsMessage } from './problems-message';
import { ReadOnlyNote } from './read-only-note';
import { SaveErrorMessage } from './save-error-message';
import { UNDO_BUTTON, UndoDeleteBar } from './undo-delete-bar';
import { useStoryClauses, type StoryClauses } from './use-story-clauses';

// The issue panel: the WITHOUT clauses of the story the developer is looking at.
export function StoryPanel() {
  return (
    <FocusRequestProvider>
      <StoryClauses />
    </FocusRequestProvider>
  );
}

function StoryClauses() {
  const story = useStoryClauses();
  const { load } = story;

  if (load.status === 'loading') return <Loading label="Loading WITHOUT clauses" />;
  if (load.status === 'failed') {
    return <ErrorMessage title="Could not load the WITHOUT clauses" error={load.error} onRetry={story.retry} />;
  }
  return <StoryClausesView view={load.view} story={story} />;
}

function StoryClausesView({ view, story }: { view: StoryView; story: StoryClauses }) {
  const { busy, failure, deleted, actions } = story;
  const { clauses, directThreatIds, threats, problems, canEdit } = view;
  const requestFocus = useRequestFocus();

  async function undo() {
    if (!deleted) return;
    requestFocus((await actions.undoRemove()) ? editButtonKey(deleted.clause.id) : UNDO_BUTTON);
  }

  return (
    <Stack space="space.200">
      {problems.length > 0 && <ProblemsMessage problems={problems} />}
      {failure && <SaveErrorMessage failure={failure} disabled={busy} onReload={() => void story.reload()} />}
      {clauses.length > 0 ? (
        <ClauseList
          clauses={clauses}
          threats={threats}
          canEdit={canEdit}
          canEditThreatModel={view.canEditThreatModel}
          busy={busy}
          actions={actions}
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
      {canEdit && <AddClauseField disabled={busy} onAdd={actions.add} />}
      {directThreatIds.length > 0 && (
        <DirectThreats
          threatIds={directThreatIds}
          threats={threats}
          disabled={busy}
          onUnlink={canEdit ? (threatId) => void actions.unlinkDirect(threatId) : undefined}
        />
      )}
      {!canEdit && <ReadOnlyNote />}
      <Box role="status">
        <Text size="small" color="color.text.subtlest">
          {busy ? 'Saving…' : ''}
        </Text>
      </Box>
    </Stack>
  );
}
