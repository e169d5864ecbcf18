import Tooltip from '@atlaskit/tooltip';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { ThreatListRow } from '../../../../src/contract';
import { fitColumns, type FlexColumn } from '../common/fit-columns';
import { pageOf, pageOfIndex } from '../common/page-of';
import { Pager } from '../common/pager';
import { HEAD_CELL, SORT_BUTTON, TABLE } from '../common/table-styles';
import { useElementWidth } from '../common/use-element-width';
import { described } from '../common/explained';
import { RISK_HELP } from '../common/risk-words';
import { ThreatTableRow, type ColumnKey, type RowActions, type RowKnowledge } from './threat-table-row';
import { nextSort, sortThreats, type SortKey, type TableSort } from './threat-sort';

export type { SortKey, TableSort } from './threat-sort';

interface Column extends FlexColumn<ColumnKey> {
  label: string;
  sortKey?: SortKey;
}

// minWidth: what each needs to read well (its longest word or control, padding included);
// priority: the order in which they stay when the frame is narrow (0: always).
const COLUMNS: Column[] = [
  { key: 'id', label: 'ID', sortKey: 'id', minWidth: 56, priority: 0 },
  { key: 'title', label: 'Title', sortKey: 'title', minWidth: 200, priority: 0 },
  { key: 'stride', label: 'STRIDE', minWidth: 64, priority: 8 },
  { key: 'severity', label: 'Severity', sortKey: 'severity', minWidth: 104, priority: 1 },
  { key: 'residual', label: 'Residual', sortKey: 'residual', minWidth: 96, priority: 2 },
  { key: 'mitigations', label: 'Mitigations', minWidth: 92, priority: 3 },
  { key: 'questions', label: 'Questions', minWidth: 120, priority: 4 },
  { key: 'component', label: 'Component', sortKey: 'component', minWidth: 120, priority: 5 },
  { key: 'stories', label: 'Stories', sortKey: 'stories', minWidth: 68, priority: 7 },
  { key: 'state', label: 'State', sortKey: 'state', minWidth: 76, priority: 6 },
];
const COLUMN_HELP: Partial<Record<ColumnKey, string>> = {
  stride:
    'STRIDE: Spoofing, Tampering, Repudiation, Information disclosure, Denial of service, Elevation of privilege.',
  severity: RISK_HELP.severity,
  residual: `${RISK_HELP.residual} ${RISK_HELP.oncePlanned}`,
};

/** The last column: the row's details toggle (when columns moved into it) and its actions menu. */
const LAST_COLUMN_WIDTH = 88;

/**
 * Rows rendered at once. A model of thousands of threats renders one page, so the table shows
 * and sorts as fast at 5,000 threats as at 50 (a row is some 40 DOM nodes).
 */
export const THREAT_PAGE_SIZE = 50;

interface Props {
  rows: ThreatListRow[];
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  /** The page of the sorted rows shown (0-based); the table clamps it when the rows shrink. */
  page: number;
  onPage: (page: number) => void;
  /** Called with the ids of the threats on the page shown, whenever they change (their stories are counted then). */
  onPageShown?: (threatIds: string[]) => void;
  /** A threat to bring into view (one just created): the table turns to its page, then calls onRevealed. */
  revealId?: string;
  onRevealed?: () => void;
  /** Row actions; absent for people who cannot edit the threat model. */
  actions?: RowActions;
  /** Opening a threat's STRIDE questions and its knowledge-base update. */
  knowledge: RowKnowledge;
  /** How many mitigations each threat has, by id. */
  mitigationCounts: ReadonlyMap<string, number>;
  expandedIds: ReadonlySet<string>;
  onToggleExpanded: (threat: ThreatListRow) => void;
  /** What an expanded row shows under the threat. */
  renderExpanded: (threat: ThreatListRow) => ReactNode;
  emptyView: JSX.Element;
}

/**
 * The threats, sortable by column; each row opens to show the threat's mitigations. Where the
 * frame is too narrow for every column, the least needed ones move into each row's details.
 */
export function ThreatTable({
  rows,
  sort,
  onSort,
  page,
  onPage,
  revealId,
  onRevealed,
  onPageShown,
  actions,
  knowledge,
  mitigationCounts,
  expandedIds,
  onToggleExpanded,
  renderExpanded,
  emptyView,
}: Props) {
  const [measure, width] = useElementWidth<HTMLDivElement>();
  const { shown, hidden } = fitColumns(COLUMNS, width - (actions ? LAST_COLUMN_WIDTH : 0), actions ? 0 : 48);
  const columns = COLUMNS.filter((c) => shown.has(c.key));
  const hasLast = actions !== undefined || hidden.length > 0;
  const sorted = useMemo(() => sortThreats(rows, sort), [rows, sort]);
  const onPageRows = pageOf(sorted, page, THREAT_PAGE_SIZE);
  const pageIds = onPageRows.rows.map((t) => t.id).join(',');
  useEffect(() => {
    onPageShown?.(pageIds === '' ? [] : pageIds.split(','));
  }, [pageIds, onPageShown]);
  useEffect(() => {
    if (revealId === undefined) return;
    const index = sorted.findIndex((t) => t.id === revealId);
    if (index < 0) return; // not in the rows yet (the model is being read again), or filtered out
    onPage(pageOfIndex(index, THREAT_PAGE_SIZE));
    onRevealed?.();
  }, [revealId, sorted, onPage, onRevealed]);
  if (rows.length === 0) return emptyView;
  return (
    <div ref={measure} style={{ width: '100%' }}>
      <table aria-label="Threats" style={TABLE}>
        <thead>
          <tr>
            {columns.map((column) => (
              <HeadCell key={column.key} column={column} sort={sort} onSort={(next) => sortFromStart(next)} />
            ))}
            {hasLast && (
              <th scope="col" style={HEAD_CELL}>
                {actions ? 'Actions' : 'Details'}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {onPageRows.rows.map((threat) => (
            <ThreatTableRow
              key={threat.id}
              threat={threat}
              columns={columns.map((c) => c.key)}
              hidden={hidden}
              hasLast={hasLast}
              actions={actions}
              knowledge={knowledge}
              mitigationCount={mitigationCounts.get(threat.id) ?? 0}
              expanded={expandedIds.has(threat.id)}
              onToggleExpanded={() => onToggleExpanded(threat)}
              renderExpanded={renderExpanded}
            />
          ))}
        </tbody>
      </table>
      <Pager noun="threats" page={onPageRows} onPage={onPage} />
    </div>
  );

  // A new order starts at its first page: the page number of the old order means nothing in it.
  function sortFromStart(next: TableSort) {
    onSort(next);
    onPage(0);
  }
}

function HeadCell({ column, sort, onSort }: { column: Column; sort: TableSort; onSort: (sort: TableSort) => void }) {
  const { sortKey } = column;
  const sorted = sortKey !== undefined && sort.key === sortKey;
  const help = COLUMN_HELP[column.key];
  const label =
    sortKey === undefined ? (
      column.label
    ) : (
      <button type="button" style={SORT_BUTTON} onClick={() => onSort(nextSort(sort, sortKey))}>
        {column.label}
        <span aria-hidden="true" style={{ visibility: sorted ? 'visible' : 'hidden' }}>
          {sort.order === 'DESC' && sorted ? '↓' : '↑'}
        </span>
      </button>
    );
  return (
    <th
      scope="col"
      style={{ ...HEAD_CELL, ...(column.key === 'title' ? { minWidth: '12em' } : {}) }}
      aria-sort={sorted ? (sort.order === 'ASC' ? 'ascending' : 'descending') : undefined}
    >
      {help ? (
        <Tooltip content={help} position="top">
          {(tooltipProps) => (
            <span {...tooltipProps} {...described(help)} tabIndex={sortKey === undefined ? 0 : undefined}>
              {label}
            </span>
          )}
        </Tooltip>
      ) : (
        label
      )}
    </th>
  );
}
