import { Box, xcss } from '@atlaskit/primitives';
import type { WithoutClause } from '../../../../src/domain/story/without-clause';
import { ClauseItem, type ClauseItemProps } from './clause-item';

const listStyles = xcss({
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
});

type Props = Omit<ClauseItemProps, 'clause' | 'index' | 'count'> & { clauses: WithoutClause[] };

export function ClauseList({ clauses, ...shared }: Props) {
  return (
    <Box as="ul" xcss={listStyles} aria-label="WITHOUT clauses">
      {clauses.map((clause, index) => (
        <ClauseItem key={clause.id} clause={clause} index={index} count={clauses.length} {...shared} />
      ))}
    </Box>
  );
}
