import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import type { Finding } from '../../../../src/domain/audit/finding';
import { SUPPRESSION_WHY_MIN, SuppressionWhy } from '../../../../src/domain/audit/suppression';
import { FINDING_KIND_INFO } from '../../../../src/domain/audit/finding-kinds';
import type { AuditView } from '../../../../src/contract';
import { graphemeCount } from '../../../../src/domain/common/text-hygiene';
import { IssueLink } from '../common/issue-link';
import { CellText } from '../common/cell-text';
import { CELL } from '../common/table-styles';
import { SEVERITY_APPEARANCE } from './audit-summary';
import { InlineError } from '../common/inline-error';
import { FindingFix } from './finding-fix';
import { RowMemoryProvider, useRowMemory } from './row-memory';
import { byWhom, usePersonName } from '../people/people-names';
import type { useAudit } from './use-audit';

interface RowProps {
  finding: Finding;
  /** Narrow frame: the fix goes under the finding instead of a column of its own. */
  compact?: boolean;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
}

/** One finding: severity, what is wrong, where, its fix in place, and suppress (with why) or unsuppress. */
export function FindingRow({ finding, view, busy, act, compact = false }: RowProps) {
  const [error, setError] = useState<string>();
  const [suppressing, setSuppressing] = useState(false);
  const [why, setWhy] = useState('');
  const { suppression } = finding;
  const memory = useRowMemory();
  const fix = (
    <Stack space="space.100" alignInline="start">
      {!suppression && (
        <RowMemoryProvider memory={memory}>
          <FindingFix finding={finding} view={view} busy={busy} act={act} onError={setError} />
        </RowMemoryProvider>
      )}
      {view.canSuppress && suppression && (
        <Button
          appearance="subtle"
          isDisabled={busy}
          onClick={async () => setError(await act('audit/unsuppress', { findingId: finding.id }, 'Unsuppressing'))}
        >
          Unsuppress
        </Button>
      )}
      {view.canSuppress && !suppression && !suppressing && (
        <Button appearance="subtle" isDisabled={busy} onClick={() => setSuppressing(true)}>
          Suppress…
        </Button>
      )}
      {suppressing && (
        <Stack space="space.050">
          <TextArea
            aria-label={`Why suppress ${finding.id}`}
            placeholder="Why is this accepted? (recorded with your name)"
            value={why}
            onChange={(e) => setWhy(e.target.value)}
            minimumRows={2}
          />
          <Inline space="space.050">
            <Button
              appearance="warning"
              isDisabled={busy || graphemeCount(why.trim()) < SUPPRESSION_WHY_MIN}
              onClick={async () => {
                // The domain's rule for a reason: what the resolver would refuse is refused here, in its words.
                const checked = SuppressionWhy.safeParse(why);
                if (!checked.success) return setError(checked.error.issues[0]?.message);
                const failed = await act('audit/suppress', { findingId: finding.id, why }, 'Suppressing');
                setError(failed);
                if (!failed) setSuppressing(false);
              }}
            >
              Suppress
            </Button>
            <Button appearance="subtle" onClick={() => setSuppressing(false)}>
              Cancel
            </Button>
          </Inline>
        </Stack>
      )}
    </Stack>
  );
  return (
    <tr data-testid={`finding-${finding.id}`} style={suppression ? { opacity: 0.7 } : undefined}>
      <td style={CELL}>
        <Lozenge appearance={SEVERITY_APPEARANCE[finding.severity]}>{finding.severity}</Lozenge>
      </td>
      <td style={CELL}>
        <Stack space="space.050">
          <CellText look="medium" minWidth="12em">
            {FINDING_KIND_INFO[finding.kind].title}
          </CellText>
          <CellText>{finding.message}</CellText>
          <Inline space="space.100" shouldWrap>
            {[...finding.entities.storyKeys, ...finding.entities.taskKeys].map((key) => (
              <IssueLink key={key} issueKey={key} />
            ))}
            {[...finding.entities.threatIds, ...finding.entities.mitigationIds].map((id) => (
              <Text key={id} size="small" color="color.text.subtle">
                {id}
              </Text>
            ))}
          </Inline>
          {suppression && <SuppressionNote suppression={suppression} />}
          {error && <InlineError>{error}</InlineError>}
          {compact && fix}
        </Stack>
      </td>
      {!compact && <td style={CELL}>{fix}</td>}
    </tr>
  );
}

/** Who suppressed a finding, by name (the app stores only the account id), when, and why. */
function SuppressionNote({ suppression }: { suppression: NonNullable<Finding['suppression']> }) {
  const name = usePersonName(suppression.by);
  return (
    <Text size="small" color="color.text.subtle">
      {`Suppressed on ${suppression.at.slice(0, 10)}${byWhom(name)}: ${suppression.why}`}
    </Text>
  );
}
