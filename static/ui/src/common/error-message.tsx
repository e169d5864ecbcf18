import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { AppErrorBody } from '../../../../src/domain/common/envelope';

interface ErrorMessageProps {
  title: string;
  error: AppErrorBody;
  onRetry: () => void;
}

export function ErrorMessage({ title, error, onRetry }: ErrorMessageProps) {
  return (
    <SectionMessage appearance="error" title={title}>
      <Stack space="space.100" alignInline="start">
        <Text as="p">{error.message}</Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </SectionMessage>
  );
}
