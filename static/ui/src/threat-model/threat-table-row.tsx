import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { ThreatListRow } from '../../../../src/contract';
import { CellText } from '../common/cell-text';
import { MoreMenu, type MenuAction } from '../common/more-menu';
import { CELL, EXPANDED_CELL } from '../common/table-styles';
import { KbUpdateNotice } from './kb-update/kb-update-notice';
import { QuestionsButton } from './questions/questions-button';
import { ResidualRisk } from './residual-risk';
import { AcceptanceLine } from './acceptance-line';
import { SeverityLozenge } from './severity-lozenge';
import { StoriesLink } from './stories-link';
import { StrideLetters } from './stride-letters';

export type ColumnKey =
  'id' | 'title' | 'stride' | 'severity' | 'residual' | 'mitigations' | 'questions' | 'component' | 'stories' | 'state';

const DETAIL_LABELS: Record<ColumnKey, string> = {
  id: 'ID',
  title: 'Title',
  stride: 'STRIDE',
  severity: 'Severity',
  residual: 'Residual',
  mitigations: 'Mitigations',
  questions: 'Questions',
  component: 'Component',
  stories: 'Stories',
  state: 'State',
};

const DETAILS_LIST = {
  display: 'grid',
  gridTemplateColumns: 'max-content minmax(0, 1fr)',
  columnGap: token('space.200', '16px'),
  rowGap: token('space.075', '6px'),
  alignItems: 'center',
  margin: 0,
} as const;
const DETAIL_TERM = {
  color: token('color.text.subtle', '#44546F'),
  font: token('font.heading.xxsmall', 'normal 653 12px/16px ui-sans-serif, sans-serif'),
} as const;

// A title keeps room to read; ids and the state never break ("T-" / "10").
const CELL_WIDTHS: Partial<Record<ColumnKey, CSSProperties>> = {
  id: { whiteSpace: 'nowrap' },
  title: { minWidth: '12em' },
  state: { whiteSpace: 'nowrap' },
};

export interface RowKnowledge {
  onOpenQuestions: (threat: ThreatListRow) => void;
  onOpenUpdate: (threat: ThreatListRow) => void;
}

export interface RowActions {
  busyIds: ReadonlySet<string>;
  /** Edit and retire: for people who may edit the threat model. */
  onEdit?: (threat: ThreatListRow) => void;
  onToggleState?: (threat: ThreatListRow) => void;
  /** Accept (renew, revoke) the threat's risk: for people the risk settings allow. */
  onAcceptRisk?: (threat: ThreatListRow) => void;
}

function menuActions(threat: ThreatListRow, actions: RowActions): MenuAction[] {
  const retired = threat.state === 'retired';
  const { onEdit, onToggleState, onAcceptRisk } = actions;
  return [
    ...(onEdit ? [{ label: 'Edit', name: `Edit ${threat.id}`, onSelect: () => onEdit(threat) }] : []),
    ...(onAcceptRisk && !retired
      ? [
          {
            label: threat.acceptance ? 'Review acceptance…' : 'Accept risk…',
            name: `${threat.acceptance ? 'Review acceptance of' : 'Accept risk of'} ${threat.id}`,
            isDisabled: actions.busyIds.has(threat.id),
            onSelect: () => onAcceptRisk(threat),
          },
        ]
      : []),
    ...(onToggleState
      ? [
          {
            label: retired ? 'Reactivate' : 'Retire',
            name: `${retired ? 'Reactivate' : 'Retire'} ${threat.id}`,
            isDisabled: actions.busyIds.has(threat.id),
            onSelect: () => onToggleState(threat),
          },
        ]
      : []),
  ];
}

interface Props {
  threat: ThreatListRow;
  /** The columns shown, in order. */
  columns: ColumnKey[];
  /** The columns that did not fit: shown in the row's details. */
  hidden: ColumnKey[];
  /** Whether the row ends with the details toggle and actions cell. */
  hasLast: boolean;
  actions: RowActions | undefined;
  knowledge: RowKnowledge;
  mitigationCount: number;
  expanded: boolean;
  onToggleExpanded: () => void;
  renderExpanded: (threat: ThreatListRow) => ReactNode;
}

export function ThreatTableRow(props: Props) {
  const { threat, columns, hidden, hasLast, actions, knowledge, mitigationCount, expanded } = props;
  const detailsId = useId();
  const moreId = useId();
  // Rows are keyed by threat id, so an open row stays open through a refresh or a resize.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const retired = threat.state === 'retired';
  const showDetails = hidden.length > 0 && detailsOpen;
  const columnCount = columns.length + (hasLast ? 1 : 0);

  const content: Record<ColumnKey, () => ReactNode> = {
    id: () => <CellText look="medium">{threat.id}</CellText>,
    title: () => (
      <Stack space="space.050" alignInline="start">
        <ThreatTitle threat={threat} />
        <AcceptanceLine threat={threat} />
        <KbUpdateNotice threat={threat} onOpen={knowledge.onOpenUpdate} />
      </Stack>
    ),
    stride: () => <StrideLetters stride={threat.stride} />,
    severity: () => <SeverityLozenge band={threat.severity.band} score={threat.severity.score} />,
    residual: () => <ResidualRisk threat={threat} />,
    mitigations: () => (
      <Button
        appearance="subtle"
        spacing="compact"
        aria-expanded={expanded}
        aria-controls={expanded ? detailsId : undefined}
        aria-label={`Mitigations of ${threat.id} (${mitigationCount})`}
        onClick={props.onToggleExpanded}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {mitigationCount}
      </Button>
    ),
    questions: () => <QuestionsButton threat={threat} onOpen={knowledge.onOpenQuestions} />,
    component: () => <CellText>{threat.component}</CellText>,
    stories: () => <StoriesLink threatId={threat.id} storyCount={threat.storyCount} storiesJql={threat.storiesJql} />,
    state: () => <Lozenge appearance={retired ? 'default' : 'success'}>{retired ? 'Retired' : 'Active'}</Lozenge>,
  };

  return (
    <>
      <tr>
        {columns.map((key) => (
          <td key={key} style={{ ...CELL, ...CELL_WIDTHS[key] }}>
            {content[key]()}
          </td>
        ))}
        {hasLast && (
          <td style={{ ...CELL, whiteSpace: 'nowrap' }}>
            <Inline space="space.050" alignBlock="center">
              {hidden.length > 0 && (
                <Button
                  appearance="subtle"
                  spacing="compact"
                  aria-expanded={detailsOpen}
                  aria-controls={detailsOpen ? moreId : undefined}
                  aria-label={`Details of ${threat.id}`}
                  onClick={() => setDetailsOpen(!detailsOpen)}
                >
                  <span aria-hidden="true">{detailsOpen ? '▾' : '▸'}</span>
                </Button>
              )}
              {actions && <MoreMenu label={`Actions for ${threat.id}`} actions={menuActions(threat, actions)} />}
            </Inline>
          </td>
        )}
      </tr>
      {showDetails && (
        <tr id={moreId} data-testid={`details-row-${threat.id}`}>
          <td colSpan={columnCount} style={EXPANDED_CELL}>
            <dl style={DETAILS_LIST} aria-label={`Details of ${threat.id}`}>
              {hidden.map((key) => (
                <DetailPair key={key} term={DETAIL_LABELS[key]}>
                  {content[key]()}
                </DetailPair>
              ))}
            </dl>
          </td>
        </tr>
      )}
      {expanded && (
        <tr id={detailsId} data-testid={`mitigations-row-${threat.id}`}>
          <td colSpan={columnCount} style={EXPANDED_CELL}>
            {props.renderExpanded(threat)}
          </td>
        </tr>
      )}
    </>
  );
}

function DetailPair({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt style={DETAIL_TERM}>{term}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

function ThreatTitle({ threat }: { threat: ThreatListRow }) {
  if (!threat.description) return <CellText minWidth="11em">{threat.title}</CellText>;
  return (
    <Tooltip content={threat.description} position="bottom-start">
      {(tooltipProps) => (
        // Focusable, so keyboard users reach the description too.
        <span {...tooltipProps} tabIndex={0} style={{ display: 'block' }}>
          <CellText minWidth="11em">{threat.title}</CellText>
        </span>
      )}
    </Tooltip>
  );
}
