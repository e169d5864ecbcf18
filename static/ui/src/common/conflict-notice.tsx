import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';

interface Props {
  title: string;
  message: string;
  reloading: boolean;
  reloadError?: string;
  onReload: () => void;
}

/** Someone else saved first: say so, and offer to load their version. */
export function ConflictNotice({ title, message, reloading, reloadError, onReload }: Props) {
  return (
    <SectionMessage appearance="warning" title={title}>
      <Stack space="space.100" alignInline="start">
        <Text as="p">{message}</Text>
        {reloadError !== undefined && <Text as="p">{reloadError}</Text>}
        <Button onClick={onReload} isDisabled={reloading}>
          {reloading ? 'Reloading…' : 'Reload'}
        </Button>
      </Stack>
    </SectionMessage>
  );
}
