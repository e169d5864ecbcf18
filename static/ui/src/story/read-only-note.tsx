import { Text } from '@atlaskit/primitives';

export function ReadOnlyNote() {
  return (
    <Text as="p" size="small" color="color.text.subtlest">
      Read only: you do not have permission to edit this story.
    </Text>
  );
}
