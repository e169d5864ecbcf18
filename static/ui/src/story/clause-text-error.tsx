import { Text } from '@atlaskit/primitives';

/** The schema's message under a clause field, tied to it by `id` for aria-describedby. */
export function ClauseTextError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <Text as="p" id={id} size="small" color="color.text.danger">
      {message}
    </Text>
  );
}
