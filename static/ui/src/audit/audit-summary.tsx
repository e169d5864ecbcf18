import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import type { AuditResultPage } from '../../../../src/domain/audit/finding-page';
import {
  FINDING_KIND_INFO,
  FINDING_KINDS,
  FINDING_SEVERITIES,
  type FindingKind,
  type FindingSeverity,
} from '../../../../src/domain/audit/finding-kinds';
import type { AuditFilters } from './audit-filters';
import { CoverageText } from '../common/coverage-text';

export const SEVERITY_APPEARANCE: Record<FindingSeverity, 'removed' | 'moved' | 'inprogress' | 'default'> = {
  critical: 'removed',
  high: 'moved',
  medium: 'inprogress',
  low: 'default',
};

const CHIP = { border: 'none', background: 'none', padding: 0, cursor: 'pointer', maxWidth: '100%' } as const;

// A lozenge cuts its text at its width; the count is what the chip is for, so only the kind's name
// gives way ("…") and the count after it stays whole.
const KIND_TEXT = { display: 'flex', minWidth: 0 } as const;
const KIND_NAME = { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' } as const;
const KIND_COUNT = { flexShrink: 0 } as const;

/** Counts per severity and per kind; each count is a button that filters the table to it. */
export function AuditSummary({
  result,
  filters,
  onFilter,
}: {
  result: AuditResultPage;
  filters: AuditFilters;
  onFilter: (next: Partial<AuditFilters>) => void;
}) {
  const kinds = FINDING_KINDS.filter((k) => result.counts.byKind[k] > 0);
  return (
    <Stack space="space.100">
      <Inline space="space.150" alignBlock="center" shouldWrap>
        {FINDING_SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            style={CHIP}
            aria-pressed={filters.severity === severity}
            onClick={() => onFilter({ severity: filters.severity === severity ? 'all' : severity })}
            data-testid={`audit-count-${severity}`}
          >
            <Lozenge appearance={SEVERITY_APPEARANCE[severity]} isBold={filters.severity === severity}>
              {`${result.counts.bySeverity[severity]} ${severity}`}
            </Lozenge>
          </button>
        ))}
        <Text color="color.text.subtle">
          {result.totals.findings} open · {result.totals.suppressed} suppressed · scanned {result.scanned.stories}{' '}
          stories, {result.scanned.threats} threats, {result.scanned.mitigations} mitigations, {result.scanned.tasks}{' '}
          tasks
        </Text>
      </Inline>
      {result.restrictedLeftOut ? (
        <Box testId="audit-restricted-left-out">
          <Text color="color.text.subtle">
            {result.restrictedLeftOut === 1
              ? '1 issue has a security level and was left out: '
              : `${result.restrictedLeftOut} issues have a security level and were left out: `}
            this result is readable by everyone who may browse the project. To audit what you may see, run{' '}
            <Text as="strong">npx without audit</Text> as yourself.
          </Text>
        </Box>
      ) : null}
      {result.coverage && (
        <Box testId="audit-coverage">
          <CoverageText coverage={result.coverage} where="in this project" />
        </Box>
      )}
      {kinds.length > 0 && (
        <Inline space="space.100" shouldWrap>
          {kinds.map((kind: FindingKind) => (
            <KindChip
              key={kind}
              name={FINDING_KIND_INFO[kind].title}
              count={result.counts.byKind[kind]}
              pressed={filters.kind === kind}
              onClick={() => onFilter({ kind: filters.kind === kind ? 'all' : kind })}
            />
          ))}
        </Inline>
      )}
    </Stack>
  );
}

interface KindChipProps {
  name: string;
  count: number;
  pressed: boolean;
  onClick: () => void;
}

/** A kind's count, a button that filters the table to it: the full name on hover and focus, and in its name. */
function KindChip({ name, count, pressed, onClick }: KindChipProps) {
  return (
    <Tooltip content={name} isScreenReaderAnnouncementDisabled>
      {(triggerProps) => (
        <button
          {...triggerProps}
          type="button"
          style={CHIP}
          aria-pressed={pressed}
          aria-label={`${name}: ${count}`}
          onClick={(event) => {
            triggerProps.onClick(event);
            onClick();
          }}
        >
          <Lozenge isBold={pressed}>
            <span style={KIND_TEXT}>
              <span style={KIND_NAME}>{name}</span>
              <span style={KIND_COUNT}>{`: ${count}`}</span>
            </span>
          </Lozenge>
        </button>
      )}
    </Tooltip>
  );
}
