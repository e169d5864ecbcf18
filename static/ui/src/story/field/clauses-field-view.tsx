import { Box, Text, xcss } from '@atlaskit/primitives';
import { readStoryClauses } from '../../../../../src/domain/story/story-clauses';
import { ThreatIds } from './threat-ids';

const listStyles = xcss({
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.050',
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
});

// The field as Jira's issue sidebar shows it: one line a clause, nothing to click.
export function ClausesFieldView({ fieldValue }: { fieldValue: unknown }) {
  const { clauses, problems } = readStoryClauses(fieldValue);

  if (problems.length > 0) {
    return (
      <Text as="p" size="small" color="color.text.warning">
        The stored value is not valid.
      </Text>
    );
  }
  if (clauses.length === 0) return <Text color="color.text.subtlest">None</Text>;

  return (
    <Box as="ul" xcss={listStyles} aria-label="WITHOUT clauses">
      {clauses.map((clause) => (
        <Box as="li" key={clause.id}>
          <Text>
            <Text weight="bold">WITHOUT</Text> {clause.text}
          </Text>
          {clause.threatIds.length > 0 && ' '}
          <ThreatIds threatIds={clause.threatIds} />
        </Box>
      ))}
    </Box>
  );
}
