import { Box, Inline, Text } from '@atlaskit/primitives';
import type { ThreatModelView } from '../../../../src/contract';
import { CoverageText } from '../common/coverage-text';

/** The project's story coverage as the last complete audit counted it (counting it here would read every story). */
export function ProjectCoverage({ coverage }: Pick<ThreatModelView, 'coverage'>) {
  if (coverage === undefined) return null;
  return (
    <Box testId="project-coverage">
      {coverage === null ? (
        <Text color="color.text.subtle">Coverage: run the audit to count the stories that need WITHOUT clauses.</Text>
      ) : (
        <Inline space="space.100" alignBlock="baseline" shouldWrap>
          <CoverageText coverage={coverage.value} where="in this project" />
          <Text size="small" color="color.text.subtlest">
            at the audit of {new Date(coverage.at).toLocaleString()}
          </Text>
        </Inline>
      )}
    </Box>
  );
}
