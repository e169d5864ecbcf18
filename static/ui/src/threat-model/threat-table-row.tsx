import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import { useId, type ReactNode } from 'react';
import type { ThreatRow } from '../../../../src/contract';
import { KbUpdateNotice } from './kb-update/kb-update-notice';
import { QuestionsButton } from './questions/questions-button';
import { SeverityLozenge } from './severity-lozenge';
import { ResidualRisk } from './residual-risk';
import { StoriesLink } from './stories-link';
import { StrideLetters } from './stride-letters';
import { CELL, EXPANDED_CELL } from '../common/table-styles';

export interface RowKnowledge {
  onOpenQuestions: (threat: ThreatRow) => void;
  onOpenUpdate: (threat: ThreatRow) => void;
}

export interface RowActions {
  busyIds: ReadonlySet<string>;
  onEdit: (threat: ThreatRow) => void;
  onToggleState: (threat: ThreatRow) => void;
}

interface Props {
  threat: ThreatRow;
  columnCount: number;
  actions: RowActions | undefined;
  knowledge: RowKnowledge;
  mitigationCount: number;
  expanded: boolean;
  onToggleExpanded: () => void;
  renderExpanded: (threat: ThreatRow) => ReactNode;
}

export function ThreatTableRow({
  threat,
  columnCount,
  actions,
  knowledge,
  mitigationCount,
  expanded,
  onToggleExpanded,
  renderExpanded,
}: Props) {
  const detailsId = useId();
  const retired = threat.state === 'retired';
  return (
    <>
      <tr>
        <td style={CELL}>
          <Text weight="medium">{threat.id}</Text>
        </td>
        <td style={CELL}>
          <Stack space="space.050" alignInline="start">
            <ThreatTitle threat={threat} />
            <KbUpdateNotice threat={threat} onOpen={knowledge.onOpenUpdate} />
          </Stack>
        </td>
        <td style={CELL}>
          <StrideLetters stride={threat.stride} />
        </td>
        <td style={CELL}>
          <SeverityLozenge band={threat.severity.band} score={threat.severity.score} />
        </td>
        <td style={CELL}>
          <ResidualRisk threat={threat} />
        </td>
        <td style={CELL}>
          <Button
            appearance="subtle"
            spacing="compact"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`Mitigations of ${threat.id} (${mitigationCount})`}
            onClick={onToggleExpanded}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {mitigationCount}
          </Button>
        </td>
        <td style={CELL}>
          <QuestionsButton threat={threat} onOpen={knowledge.onOpenQuestions} />
        </td>
        <td style={CELL}>
          <Text>{threat.component}</Text>
        </td>
        <td style={CELL}>
          <StoriesLink threatId={threat.id} storyCount={threat.storyCount} storiesJql={threat.storiesJql} />
        </td>
        <td style={CELL}>
          <Lozenge appearance={retired ? 'default' : 'success'}>{retired ? 'Retired' : 'Active'}</Lozenge>
        </td>
        {actions && (
          <td style={CELL}>
            <Inline space="space.050">
              <Button spacing="compact" aria-label={`Edit ${threat.id}`} onClick={() => actions.onEdit(threat)}>
                Edit
              </Button>
              <Button
                spacing="compact"
                appearance="subtle"
                isDisabled={actions.busyIds.has(threat.id)}
                aria-label={`${retired ? 'Reactivate' : 'Retire'} ${threat.id}`}
                onClick={() => actions.onToggleState(threat)}
              >
                {retired ? 'Reactivate' : 'Retire'}
              </Button>
            </Inline>
          </td>
        )}
      </tr>
      {expanded && (
        <tr id={detailsId} data-testid={`mitigations-row-${threat.id}`}>
          <td colSpan={columnCount} style={EXPANDED_CELL}>
            {renderExpanded(threat)}
          </td>
        </tr>
      )}
    </>
  );
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
