import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { StoryView } from '../../../../src/contract';
import { linkedThreatIds } from '../../../../src/domain/story/story-clauses';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { useResolverView } from '../common/use-resolver-view';
import { MitigationStatusLozenge } from '../mitigation/mitigation-status-lozenge';
import { ThreatRiskText } from '../mitigation/threat-risk-text';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { ThreatLozenge } from './threat-lozenge';

// The issue context (jira:issueContext): Jira shows it on every issue, in the details column,
// without anyone adding it (an issue panel shows only once someone adds it to that issue). So
// a developer sees on every ticket what must not happen and how much risk is left, or why a
// task exists; editing stays in the WITHOUT clauses panel.
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-context/

const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const itemStyles = xcss({ margin: 'space.0' });
// The risk list's entries each wrap over two or three lines in the details column: a gap tells them apart.
const riskItemStyles = xcss({ margin: 'space.0', marginBlockEnd: 'space.075' });
const clauseStyles = xcss({ overflowWrap: 'anywhere' });

export function StoryContext() {
  const { state, load } = useResolverView('story/get', {});
  if (state.status === 'loading') return <Loading label="Loading the story's security" />;
  if (state.status === 'error')
    return <ErrorMessage title="The story's security could not be shown" error={state.error} onRetry={load} />;
  return <StoryContextView view={state.view} />;
}

export function StoryContextView({ view }: { view: StoryView }) {
  if (view.task) {
    const { mitigation, threats } = view.task;
    return (
      <Stack space="space.100">
        <Text as="p">
          This task carries mitigation <Text weight="medium">{mitigation.id}</Text>: {mitigation.title}
        </Text>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <MitigationStatusLozenge status={mitigation.status} />
          <Text size="small" color="color.text.subtle">
            {threats.length === 1 ? 'against 1 threat' : `against ${threats.length} threats`}
          </Text>
        </Inline>
        <Box as="ul" xcss={listStyles} aria-label="Threats it mitigates">
          {threats.map((threat) => (
            <Box as="li" key={threat.id} xcss={itemStyles}>
              <Inline space="space.100" alignBlock="center" shouldWrap>
                <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threat.id} />
                <Text>{threat.title}</Text>
                <ThreatRiskText risk={threat.risk} severity={threat.severity.score} />
              </Inline>
            </Box>
          ))}
        </Box>
      </Stack>
    );
  }
  const threatIds = linkedThreatIds(view.clauses, view.directThreatIds);
  if (view.clauses.length === 0 && threatIds.length === 0)
    return (
      <Text as="p" color="color.text.subtle">
        No WITHOUT clauses yet. Add them in the story&apos;s WITHOUT clauses panel (Apps menu of the issue).
      </Text>
    );
  return (
    <Stack space="space.150">
      {view.clauses.length > 0 && (
        <Box as="ul" xcss={listStyles} aria-label="WITHOUT clauses">
          {view.clauses.map((clause) => (
            <Box as="li" key={clause.id} xcss={itemStyles}>
              <Stack space="space.050">
                <Box xcss={clauseStyles}>
                  <Text weight="medium">WITHOUT</Text> <Text>{clause.text}</Text>
                </Box>
                {clause.threatIds.length === 0 ? (
                  <Text size="small" color="color.text.warning">
                    Linked to no threat yet
                  </Text>
                ) : (
                  <Inline space="space.050" shouldWrap>
                    {clause.threatIds.map((id) => (
                      <ThreatLozenge key={id} threatId={id} threat={view.threats[id]} />
                    ))}
                  </Inline>
                )}
              </Stack>
            </Box>
          ))}
        </Box>
      )}
      {threatIds.length > 0 && (
        <Stack space="space.050">
          <Text size="small" weight="medium" color="color.text.subtle">
            Risk left per threat
          </Text>
          <Box as="ul" xcss={listStyles} aria-label="Risk left per threat">
            {threatIds.map((id) => {
              const threat = view.threats[id];
              const risk = view.risk[id];
              return (
                <Box as="li" key={id} xcss={riskItemStyles}>
                  <Inline space="space.100" alignBlock="center" shouldWrap>
                    <Text size="small" weight="medium">
                      {id}
                    </Text>
                    <Text size="small">{threat ? threat.title : 'not in the threat model'}</Text>
                    {threat && risk && <ThreatRiskText risk={risk} severity={threat.severity.score} />}
                  </Inline>
                </Box>
              );
            })}
          </Box>
        </Stack>
      )}
    </Stack>
  );
}
