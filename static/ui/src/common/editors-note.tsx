import { Text } from '@atlaskit/primitives';

export const WHO_CAN_EDIT =
  "Project administrators and the roles or groups named in the app's project settings can edit the threat model.";

export function EditorsNote() {
  return (
    <Text as="p" size="small" color="color.text.subtlest">
      Read only. {WHO_CAN_EDIT}
    </Text>
  );
}
