import { Box, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';

// Stored values are user-editable input; the ones that failed their schema are named, not hidden.
// No problems, no message: views pass their problems as they are.
export function ProblemsMessage({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <SectionMessage appearance="warning" title="Some stored values could not be read">
      <Box as="ul">
        {problems.map((problem, index) => (
          <Box as="li" key={index}>
            <Text>{problem}</Text>
          </Box>
        ))}
      </Box>
    </SectionMessage>
  );
}
