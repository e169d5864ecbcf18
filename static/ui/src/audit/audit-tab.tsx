import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import TextField from '@atlaskit/textfield';
import Select from '@atlaskit/select';
import { useEffect, useId, useState } from 'react';
import { FINDING_KIND_INFO, FINDING_KINDS, FINDING_SEVERITIES } from '../../../../src/domain/audit/finding-kinds';
import type { AuditView } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { HEAD_CELL, TABLE } from '../common/table-styles';
import { useElementWidth } from '../common/use-element-width';
import { Pager } from '../common/pager';
import { downloadAudit } from './audit-export';
import { NO_FILTERS, type AuditFilters } from './audit-filters';
import { AuditSummary } from './audit-summary';
import { FindingRow } from './finding-row';
import { useAudit } from './use-audit';
import { PeopleNamesProvider } from '../people/people-names';

/** The frame width (CSS px) below which the audit table has two columns. */
export const COMPACT_BELOW = 720;

/** The search is sent once the person stops typing for this long: each change reads a page. */
export const TYPING_PAUSE_MS = 300;

const when = (iso: string) => new Date(iso).toLocaleString();

/** A labelled select with "All" first: one of the table's filters. */
function FilterSelect<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V | 'all';
  options: Array<[V, string]>;
  onChange: (value: V | 'all') => void;
}) {
  const inputId = useId();
  const choices: Array<{ value: V | 'all'; label: string }> = [
    { value: 'all', label: 'All' },
    ...options.map(([option, text]) => ({ value: option, label: text })),
  ];
  return (
    <Inline space="space.075" alignBlock="center">
      <label htmlFor={inputId}>
        <Text size="small">{label}</Text>
      </label>
      <div style={{ minWidth: 160 }}>
        <Select
          inputId={inputId}
          spacing="compact"
          options={choices}
          value={choices.find((choice) => choice.value === value) ?? null}
          isSearchable={choices.length > 8}
          onChange={(choice) => {
            if (choice) onChange(choice.value);
          }}
        />
      </div>
    </Inline>
  );
}

/**
 * No result: never audited, or the stored result or status cannot be read (the problems above say
 * which); then the next run replaces it, so the tab says so rather than "No audit yet".
 */
function NoResult({ view }: { view: AuditView }) {
  if (!view.resultUnreadable) {
    return (
      <EmptyState
        header="No audit yet"
        description="Run an audit to see where the threat model and the backlog disagree: stories without threats, threats without mitigations, tasks out of step."
        headingLevel={2}
      />
    );
  }
  return (
    <EmptyState
      header="No audit result to show"
      description="The last audit cannot be shown. Run the audit again: the new result replaces it."
      headingLevel={2}
    />
  );
}

/** The security champion's audit: where the threat model and the backlog disagree, with fixes in place. */
export function AuditTab() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [typed, setTyped] = useState(NO_FILTERS.text);
  // The backend filters and pages the result: the tab asks for the page the person looks at.
  const { state, busy, reload, act, running, pollFailure } = useAudit({ filters, page });
  const [runError, setRunError] = useState<string>();
  const [exporting, setExporting] = useState<'csv' | 'json'>();
  const [exportError, setExportError] = useState<string>();
  useEffect(() => {
    if (typed === filters.text) return;
    const timer = setTimeout(() => {
      setFilters((f) => ({ ...f, text: typed }));
      setPage(0);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, filters.text]);
  const [measure, width] = useElementWidth<HTMLDivElement>();
  // Below this the fix moves under its finding, so the finding keeps room to read.
  const compact = width < COMPACT_BELOW;
  if (state.status === 'loading') return <Loading label="Loading the audit" />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load the audit" error={state.error} onRetry={() => void reload()} />;
  const { view } = state;
  // A new filter shows its first page.
  const onFilter = (next: Partial<AuditFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(0);
  };
  const shown = view.result?.findings ?? [];
  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(format);
    setExportError(await downloadAudit(format));
    setExporting(undefined);
  };

  return (
    <PeopleNamesProvider>
      <div ref={measure}>
        <Stack space="space.200">
          <Inline space="space.150" alignBlock="center" shouldWrap>
            <Button
              appearance="primary"
              isDisabled={!view.canRun || running || busy !== undefined}
              onClick={async () => setRunError(await act('audit/run', {}, 'Starting the audit'))}
            >
              {running ? 'Auditing…' : 'Run audit'}
            </Button>
            <Text color="color.text.subtle" testId="audit-run-state">
              {running
                ? `Audit in progress: ${view.run.progress?.stage ?? 'queued'}, ${view.run.progress?.stories ?? 0} stories and ${view.run.progress?.tasks ?? 0} tasks read`
                : view.completedAt
                  ? `Last complete audit: ${when(view.completedAt)}`
                  : 'This project has not been audited yet.'}
            </Text>
            {busy && <Text color="color.text.subtle">{busy}…</Text>}
            {view.result && (
              <Inline space="space.050">
                <Button isDisabled={exporting !== undefined} onClick={() => void exportAs('csv')}>
                  {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
                </Button>
                <Button isDisabled={exporting !== undefined} onClick={() => void exportAs('json')}>
                  {exporting === 'json' ? 'Exporting…' : 'Export JSON'}
                </Button>
              </Inline>
            )}
          </Inline>
          {exportError && (
            <SectionMessage appearance="error" title="The audit could not be exported">
              {exportError}
            </SectionMessage>
          )}
          {runError && (
            <SectionMessage appearance="error" title="The audit could not start">
              {runError}
            </SectionMessage>
          )}
          {pollFailure && (
            <SectionMessage appearance="warning" title="Could not read the audit's progress">
              {pollFailure} Trying again in a moment; the audit itself goes on.
            </SectionMessage>
          )}
          {view.run.state === 'failed' && view.run.error && (
            <SectionMessage appearance="warning" title="The last audit did not finish">
              {view.run.error}
            </SectionMessage>
          )}
          <ProblemsMessage problems={view.problems} />
          {!view.result ? (
            <NoResult view={view} />
          ) : (
            <>
              <AuditSummary result={view.result} filters={filters} onFilter={onFilter} />
              <Inline space="space.150" alignBlock="center" shouldWrap>
                <FilterSelect
                  label="Severity"
                  value={filters.severity}
                  options={FINDING_SEVERITIES.map((s) => [s, s])}
                  onChange={(severity) => onFilter({ severity })}
                />
                <FilterSelect
                  label="Kind"
                  value={filters.kind}
                  options={FINDING_KINDS.map((k) => [k, FINDING_KIND_INFO[k].title])}
                  onChange={(kind) => onFilter({ kind })}
                />
                <div style={{ width: 240 }}>
                  <TextField
                    aria-label="Search findings"
                    placeholder="Search findings"
                    value={typed}
                    // The backend's bound on a search (finding-page.ts): longer is refused, never cut.
                    maxLength={200}
                    onChange={(e) => setTyped(e.currentTarget.value)}
                    isCompact
                  />
                </div>
                <Checkbox
                  label="Show suppressed"
                  isChecked={filters.showSuppressed}
                  onChange={(e) => onFilter({ showSuppressed: e.currentTarget.checked })}
                />
              </Inline>
              {shown.length === 0 ? (
                <Text color="color.text.subtle">
                  {view.result.totals.findings + view.result.totals.suppressed === 0
                    ? 'No findings: the threat model and the backlog agree.'
                    : 'No finding matches these filters.'}
                </Text>
              ) : (
                <table style={TABLE} aria-label="Audit findings">
                  <thead>
                    <tr>
                      <th style={HEAD_CELL}>Severity</th>
                      <th style={HEAD_CELL}>{compact ? 'Finding and fix' : 'Finding'}</th>
                      {!compact && <th style={HEAD_CELL}>Fix</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((finding) => (
                      <FindingRow
                        key={finding.id}
                        finding={finding}
                        view={view}
                        busy={busy !== undefined}
                        act={act}
                        compact={compact}
                      />
                    ))}
                  </tbody>
                </table>
              )}
              <Pager noun="findings" page={view.result.page} onPage={setPage} />
            </>
          )}
        </Stack>
      </div>
    </PeopleNamesProvider>
  );
}
