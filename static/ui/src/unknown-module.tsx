import { Box, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';

export function UnknownModule({ moduleKey }: { moduleKey: string | undefined }) {
  const name = moduleKey === undefined ? 'this place in Jira' : `the module “${moduleKey}”`;
  return (
    <Box padding="space.200">
      <SectionMessage appearance="warning" title="Nothing to show here">
        <Text as="p">
          Without for Jira has no view for {name}. Reload the page; if this stays, reinstall or update the app.
        </Text>
      </SectionMessage>
    </Box>
  );
}
