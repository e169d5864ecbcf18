import type { ReactNode } from 'react';
import type { ThreatRow } from '../../../../src/contract';
import { HEAD_CELL, SORT_BUTTON, TABLE } from '../common/table-styles';
import { ThreatTableRow, type RowActions, type RowKnowledge } from './threat-table-row';
import { nextSort, sortThreats, type SortKey, type TableSort } from './threat-sort';

export type { SortKey, TableSort } from './threat-sort';

interface Column {
  label: string;
  width: string;
  sortKey?: SortKey;
}

const COLUMNS: Column[] = [
  { label: 'ID', width: '6%', sortKey: 'id' },
  { label: 'Title', width: '22%', sortKey: 'title' },
  { label: 'STRIDE', width: '7%' },
  { label: 'Severity', width: '9%', sortKey: 'severity' },
  { label: 'Residual', width: '11%', sortKey: 'residual' },
  { label: 'Mitigations', width: '8%' },
  { label: 'Questions', width: '8%' },
  { label: 'Component', width: '10%', sortKey: 'component' },
  { label: 'Stories', width: '6%', sortKey: 'stories' },
  { label: 'State', width: '7%', sortKey: 'state' },
];
const ACTIONS: Column = { label: 'Actions', width: '14%' };

interface Props {
  rows: ThreatRow[];
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  /** Row actions; absent for people who cannot edit the threat model. */
  actions?: RowActions;
  /** Opening a threat's STRIDE questions and its knowledge-base update. */
  knowledge: RowKnowledge;
  /** How many mitigations each threat has, by id. */
  mitigationCounts: ReadonlyMap<string, number>;
  expandedIds: ReadonlySet<string>;
  onToggleExpanded: (threat: ThreatRow) => void;
  /** What an expanded row shows under the threat. */
  renderExpanded: (threat: ThreatRow) => ReactNode;
  emptyView: JSX.Element;
}

/** The threats, sortable by column; each row opens to show the threat's mitigations. */
export function ThreatTable({
  rows,
  sort,
  onSort,
  actions,
  knowledge,
  mitigationCounts,
  expandedIds,
  onToggleExpanded,
  renderExpanded,
  emptyView,
}: Props) {
  const columns = actions ? [...COLUMNS, ACTIONS] : COLUMNS;
  if (rows.length === 0) return emptyView;
  return (
    <table aria-label="Threats" style={TABLE}>
      <thead>
        <tr>
          {columns.map((column) => (
            <HeadCell key={column.label} column={column} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {sortThreats(rows, sort).map((threat) => (
          <ThreatTableRow
            key={threat.id}
            threat={threat}
            columnCount={columns.length}
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
  );
}

function HeadCell({ column, sort, onSort }: { column: Column; sort: TableSort; onSort: (sort: TableSort) => void }) {
  const { sortKey } = column;
  const sorted = sortKey !== undefined && sort.key === sortKey;
  return (
    <th
      scope="col"
      style={{ ...HEAD_CELL, width: column.width }}
      aria-sort={sorted ? (sort.order === 'ASC' ? 'ascending' : 'descending') : undefined}
    >
      {sortKey === undefined ? (
        column.label
      ) : (
        <button type="button" style={SORT_BUTTON} onClick={() => onSort(nextSort(sort, sortKey))}>
          {column.label}
          <span aria-hidden="true" style={{ visibility: sorted ? 'visible' : 'hidden' }}>
            {sort.order === 'DESC' && sorted ? '↓' : '↑'}
          </span>
        </button>
      )}
    </th>
  );
}
