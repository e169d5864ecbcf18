import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SaveFailure } from './use-story-clauses';

interface Props {
  failure: SaveFailure;
  disabled: boolean;
  onReload: () => void;
}

// The panel stays as it was, open editors included, so nothing typed is lost before Reload.
export function SaveErrorMessage({ failure: { during, error, replace, retry }, disabled, onReload }: Props) {
  if (during === 'save' && error.code !== 'CONFLICT') {
    return (
      <SectionMessage appearance="error" title="The change was not saved">
        <Stack space="space.100" alignInline="start">
          <Text as="p">{error.message}</Text>
          {retry && (
            <Button isDisabled={disabled} onClick={() => void retry()}>
              Retry
            </Button>
          )}
          {replace && (
            <Button appearance="warning" isDisabled={disabled} onClick={() => void replace()}>
              Replace them with mine
            </Button>
          )}
        </Stack>
      </SectionMessage>
    );
  }
  const conflict = during === 'save';
  return (
    <SectionMessage
      appearance={conflict ? 'warning' : 'error'}
      title={conflict ? 'This story changed' : 'Could not reload the story'}
    >
      <Stack space="space.100" alignInline="start">
        <Text as="p">
          {conflict ? "Someone else changed this story's WITHOUT clauses. Reload to see their changes." : error.message}
        </Text>
        <Button isDisabled={disabled} onClick={onReload}>
          {conflict ? 'Reload' : 'Try again'}
        </Button>
      </Stack>
    </SectionMessage>
  );
}
