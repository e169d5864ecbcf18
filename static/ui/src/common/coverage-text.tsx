import { Text } from '@atlaskit/primitives';
import type { StoryCoverage } from '../../../../src/contract';
import { coveragePercent } from '../../../../src/domain/audit/story-coverage';

/**
 * How many of the stories that need WITHOUT clauses have them: those with clauses, out of those
 * with clauses or matched by the knowledge bases' rules (the issue types and scope the settings name).
 */
export function CoverageText({ coverage, where }: { coverage: StoryCoverage; where: string }) {
  const percent = coveragePercent(coverage);
  if (percent === undefined) return <Text>Coverage: no story {where} needs a WITHOUT clause.</Text>;
  return (
    <Text>
      Coverage: <Text weight="bold">{percent}%</Text> — {coverage.withClauses} of {coverage.needing}{' '}
      {coverage.needing === 1 ? 'story' : 'stories'} {where} that need WITHOUT clauses have them.
    </Text>
  );
}
