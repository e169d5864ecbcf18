import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType, SortOrderType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import type { ThreatRow } from '../../../../src/domain/resolver-contract';
import { threatNumber } from '../../../../src/domain/threat';
import { SeverityLozenge } from '../threats/severity-lozenge';
import { StoriesLink } from './stories-link';
import { StrideLetters } from './stride-letters';

export type SortKey = 'id' | 'title' | 'severity' | 'component' | 'stories' | 'state';
export interface TableSort {
  key: SortKey;
  order: SortOrderType;
}

interface Props {
  rows: ThreatRow[];
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  /** Row actions; absent for people who cannot edit the threat model. */
  actions?: {
    busyIds: ReadonlySet<string>;
    onEdit: (threat: ThreatRow) => void;
    onToggleState: (threat: ThreatRow) => void;
  };
  emptyView: JSX.Element;
}

const SORT_KEYS = new Set<string>(['id', 'title', 'severity', 'component', 'stories', 'state']);

function head(withActions: boolean): HeadType {
  const cells = [
    { key: 'id', content: 'ID', isSortable: true, width: 7 },
    { key: 'title', content: 'Title', isSortable: true, width: 30 },
    { key: 'stride', content: 'STRIDE', width: 9 },
    { key: 'severity', content: 'Severity', isSortable: true, width: 12 },
    { key: 'component', content: 'Component', isSortable: true, width: 14 },
    { key: 'stories', content: 'Stories', isSortable: true, width: 8 },
    { key: 'state', content: 'State', isSortable: true, width: 9 },
  ];
  return { cells: withActions ? [...cells, { key: 'actions', content: 'Actions', width: 16 }] : cells };
}

function row(threat: ThreatRow, actions: Props['actions']): RowType {
  const retired = threat.state === 'retired';
  const cells = [
    // The keys are what the table sorts by: numbers for id, severity and stories.
    { key: threatNumber(threat.id), content: <Text weight="medium">{threat.id}</Text> },
    { key: threat.title.toLowerCase(), content: <ThreatTitle threat={threat} /> },
    { key: threat.stride.join(''), content: <StrideLetters stride={threat.stride} /> },
    { key: threat.severity.score, content: <SeverityLozenge band={threat.severity.band} score={threat.severity.score} /> },
    { key: threat.component.toLowerCase(), content: <Text>{threat.component}</Text> },
    { key: threat.storyCount, content: <StoriesLink threatId={threat.id} storyCount={threat.storyCount} storiesJql={threat.storiesJql} /> },
    { key: threat.state, content: <Lozenge appearance={retired ? 'default' : 'success'}>{retired ? 'Retired' : 'Active'}</Lozenge> },
  ];
  if (actions) {
    const busy = actions.busyIds.has(threat.id);
    cells.push({
      key: threat.id,
      content: (
        <Inline space="space.050">
          <Button spacing="compact" aria-label={`Edit ${threat.id}`} onClick={() => actions.onEdit(threat)}>
            Edit
          </Button>
          <Button spacing="compact" appearance="subtle" isDisabled={busy} aria-label={`${retired ? 'Reactivate' : 'Retire'} ${threat.id}`} onClick={() => actions.onToggleState(threat)}>
            {retired ? 'Reactivate' : 'Retire'}
          </Button>
        </Inline>
      ),
    });
  }
  return { key: threat.id, cells };
}

function ThreatTitle({ threat }: { threat: ThreatRow }) {
  if (threat.description === '') return <Text>{threat.title}</Text>;
  return (
    <Tooltip content={threat.description} position="bottom-start">
      {(tooltipProps) => (
        // Focusable, so keyboard users reach the description too.
        <span {...tooltipProps} tabIndex={0}>
          <Text>{threat.title}</Text>
        </span>
      )}
    </Tooltip>
  );
}

export function ThreatTable({ rows, sort, onSort, actions, emptyView }: Props) {
  return (
    <DynamicTableStateless
      label="Threats"
      head={head(actions !== undefined)}
      rows={rows.map((threat) => row(threat, actions))}
      sortKey={sort.key}
      sortOrder={sort.order}
      onSort={(data: { key?: unknown; sortOrder?: unknown }) => {
        if (typeof data.key === 'string' && SORT_KEYS.has(data.key)) {
          onSort({ key: data.key as SortKey, order: data.sortOrder === 'DESC' ? 'DESC' : 'ASC' });
        }
      }}
      emptyView={emptyView}
    />
  );
}
