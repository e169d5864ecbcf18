import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import type { SeverityBand } from '../../../../src/domain/threat-model/severity';
import { SeverityLozenge } from './severity-lozenge';

export interface ChipThreat {
  title: string;
  severity: { band: SeverityBand; score: number };
  state?: 'active' | 'retired';
}

const TITLE = {
  display: 'inline-block',
  maxWidth: '22ch',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'middle',
  marginInlineStart: token('space.050', '4px'),
  font: token('font.body.small', 'normal 400 12px/16px ui-sans-serif, sans-serif'),
  color: token('color.text', '#172B4D'),
} as const;

/**
 * A threat at a glance: id, severity and its title, cut short with "…" when long; the full title
 * on hover and focus (it takes focus), and in its accessible name.
 */
export function ThreatChip({ threatId, threat }: { threatId: string; threat: ChipThreat | undefined }) {
  const title = threat
    ? `${threat.title}${threat.state === 'retired' ? ' (retired)' : ''}`
    : 'Not in this project’s threat model';
  const label = threat
    ? `${threatId} ${threat.severity.band} ${threat.severity.score}: ${title}`
    : `${threatId} unknown: ${title}`;
  return (
    <Tooltip content={title} isScreenReaderAnnouncementDisabled>
      {(triggerProps) => (
        <span
          {...triggerProps}
          role="img"
          aria-label={label}
          tabIndex={0}
          data-testid={`threat-chip-${threatId}`}
          style={{ whiteSpace: 'nowrap' }}
        >
          {threat ? (
            <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threatId} />
          ) : (
            <Lozenge appearance="default">{`${threatId} · unknown`}</Lozenge>
          )}
          <span style={TITLE} aria-hidden="true">
            {title}
          </span>
        </span>
      )}
    </Tooltip>
  );
}
