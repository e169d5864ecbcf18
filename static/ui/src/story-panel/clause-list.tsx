import { Stack, xcss } from '@atlaskit/primitives';
import type { ClauseItemProps } from './clause-item';
import { ClauseItem } from './clause-item';
import type { WithoutClause } from '../../../../src/domain/without-clause';

const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });

type Props = Omit<ClauseItemProps, 'clause' | 'index' | 'count'> & { clauses: WithoutClause[] };

export function ClauseList({ clauses, ...shared }: Props) {
  return (
    <Stack as="ul" space="space.100" xcss={listStyles}>
      {clauses.map((clause, index) => (
        <ClauseItem key={clause.id} clause={clause} index={index} count={clauses.length} {...shared} />
      ))}
    </Stack>
  );
}
