import { Stack } from '@atlaskit/primitives';
import type { StoryView } from '../../../../src/domain/story-view';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { useResolver } from '../hooks/use-resolver';
import { ClauseList } from './clause-list';
import { NoClauses } from './no-clauses';
import { ProblemsMessage } from './problems-message';
import { ReadOnlyNote } from './read-only-note';

// The issue panel: the WITHOUT clauses of the story the developer is looking at.
export function StoryPanel() {
  const story = useResolver('story/get', {});

  if (story.loading) return <Loading label="Loading WITHOUT clauses" />;
  if (story.error) {
    return <ErrorMessage title="Could not load the WITHOUT clauses" error={story.error} onRetry={story.reload} />;
  }

  const { clauses, problems, canEdit } = story.data;
  return (
    <Stack space="space.200">
      {problems.length > 0 && <ProblemsMessage problems={problems} />}
      {clauses.length > 0 ? <ClauseList clauses={clauses} /> : <NoClauses />}
      {!canEdit && <ReadOnlyNote />}
    </Stack>
  );
}
