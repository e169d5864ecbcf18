import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { useId, useState } from 'react';
import type { AsvsLevel, AsvsStandard } from '../../../../src/domain/compliance/asvs-catalogue';
import { clauseSummary } from '../../../../src/domain/compliance/clause-evidence';
import type { ComplianceView, CoverageStatus } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { HEAD_CELL, TABLE } from '../common/table-styles';
import { useResolverView } from '../common/use-resolver-view';
import { ReportDownload } from '../report/report-download';
import { downloadCoverage } from './compliance-export';
import { filterRequirements, NO_COVERAGE_FILTERS, pageOf, type CoverageFilters } from './coverage-filters';
import { RequirementRow, STATUS_LABELS } from './requirement-row';

const STANDARDS: Array<{ value: AsvsStandard; label: string }> = [
  { value: 'asvs-5.0', label: 'OWASP ASVS 5.0' },
  { value: 'asvs-4.0.3', label: 'OWASP ASVS 4.0.3' },
];
const LEVELS: Array<{ value: AsvsLevel; label: string }> = [1, 2, 3].map((l) => ({
  value: l as AsvsLevel,
  label: `Level ${l}`,
}));
const STATUSES: Array<{ value: CoverageStatus | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  ...(['implemented', 'planned', 'none'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];

function Choice<V>({
  label,
  options,
  value,
  onChange,
  width = 170,
}: {
  label: string;
  options: Array<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
  width?: number;
}) {
  const inputId = useId();
  return (
    <Inline space="space.075" alignBlock="center">
      <label htmlFor={inputId}>
        <Text size="small">{label}</Text>
      </label>
      <div style={{ minWidth: width }}>
        <Select
          inputId={inputId}
          spacing="compact"
          options={options}
          value={options.find((o) => o.value === value) ?? null}
          isSearchable={false}
          onChange={(choice) => {
            if (choice) onChange(choice.value);
          }}
        />
      </div>
    </Inline>
  );
}

function Summary({ view }: { view: ComplianceView }) {
  const where = view.clauseRequirement
    ? `This is the evidence for ASVS ${view.version} ${view.clauseRequirement} (security constraints in every user story).`
    : `ASVS ${view.version} has no requirement about security constraints in user stories (4.0.3 V1.1.3 asked for them); shown as evidence all the same.`;
  return (
    <Stack space="space.050">
      <Text testId="compliance-summary">
        {`${view.requirements.length} requirements of ASVS ${view.version} apply at level ${view.level}: ${view.counts.implemented} implemented, ${view.counts.planned} planned, ${view.counts.none} with no mitigation.`}
      </Text>
      <Text size="small" color="color.text.subtle" testId="compliance-clauses">
        {`WITHOUT clauses: ${clauseSummary(view.clauseEvidence)} ${where}`}
      </Text>
    </Stack>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <Inline space="space.100" alignBlock="center">
      <Button isDisabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Text>{`Page ${page + 1} of ${pages}`}</Text>
      <Button isDisabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </Inline>
  );
}

/**
 * The Compliance tab: for a chosen ASVS standard and level, each requirement covered by an
 * implemented, planned or no mitigation, with the mitigations, their tasks and the stories.
 */
export function ComplianceTab() {
  const [query, setQuery] = useState<{ standard: AsvsStandard; level: AsvsLevel }>({ standard: 'asvs-5.0', level: 2 });
  const [filters, setFilters] = useState<CoverageFilters>(NO_COVERAGE_FILTERS);
  const [page, setPage] = useState(0);
  const { state, load } = useResolverView('compliance/get', query);
  const searchId = useId();
  const choose = (next: Partial<typeof query>) => {
    setQuery((q) => ({ ...q, ...next }));
    setPage(0);
  };
  const filter = (next: Partial<CoverageFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(0);
  };
  const controls = (
    <Inline space="space.150" alignBlock="center" shouldWrap>
      <Choice
        label="Standard"
        options={STANDARDS}
        value={query.standard}
        onChange={(standard) => choose({ standard })}
      />
      <Choice label="Level" options={LEVELS} value={query.level} onChange={(level) => choose({ level })} width={110} />
      <Choice label="Coverage" options={STATUSES} value={filters.status} onChange={(status) => filter({ status })} />
      <Inline space="space.075" alignBlock="center">
        <label htmlFor={searchId}>
          <Text size="small">Find</Text>
        </label>
        <div style={{ width: 180 }}>
          <TextField
            id={searchId}
            isCompact
            placeholder="V6.3, password…"
            value={filters.text}
            onChange={(e) => filter({ text: e.currentTarget.value })}
          />
        </div>
      </Inline>
    </Inline>
  );
  if (state.status === 'loading')
    return (
      <Stack space="space.200">
        {controls}
        <Loading label="Loading the ASVS coverage" />
      </Stack>
    );
  if (state.status === 'error')
    return (
      <Stack space="space.200">
        {controls}
        <ErrorMessage title="Could not load the ASVS coverage" error={state.error} onRetry={() => void load()} />
      </Stack>
    );
  const { view } = state;
  const shown = filterRequirements(view.requirements, filters);
  const current = pageOf(shown, page);
  return (
    <Stack space="space.200">
      {controls}
      <Inline space="space.150" alignBlock="center" shouldWrap>
        <Button onClick={() => downloadCoverage(view)} testId="compliance-export-csv">
          Export CSV
        </Button>
        <ReportDownload standard={query.standard} level={query.level} />
      </Inline>
      <Summary view={view} />
      <ProblemsMessage problems={view.problems} />
      {shown.length === 0 ? (
        <EmptyState
          header="No requirement matches"
          description="Change the coverage filter or the words to find."
          headingLevel={2}
        />
      ) : (
        <>
          <table style={TABLE} aria-label={`ASVS ${view.version} level ${view.level} coverage`}>
            <thead>
              <tr>
                <th style={HEAD_CELL}>Requirement</th>
                <th style={HEAD_CELL}>Coverage</th>
                <th style={HEAD_CELL}>Mitigations and tasks</th>
                <th style={HEAD_CELL}>Stories</th>
              </tr>
            </thead>
            <tbody>
              {current.rows.map((r) => (
                <RequirementRow
                  key={r.id}
                  requirement={r}
                  storiesJql={view.storiesJql}
                  uncounted={view.clauseEvidence.source?.kind === 'uncounted'}
                />
              ))}
            </tbody>
          </table>
          <Pager page={current.page} pages={current.pages} onPage={setPage} />
        </>
      )}
      <Text size="small" color="color.text.subtlest" testId="asvs-attribution">
        {view.attribution}
      </Text>
    </Stack>
  );
}
