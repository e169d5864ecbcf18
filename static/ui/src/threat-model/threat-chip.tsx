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

// The title takes the room its box has, whole where it fits; in a narrow panel it gives way (its
// "…" comes sooner) rather than push what follows out of view or the row wider than its box.
const TITLE = {
  display: 'inline-block',
  minWidth: 0,
  flexShrink: 1,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'middle',
  marginInlineStart: token('space.050', '4px'),
  font: token('font.body.small', 'normal 400 12px/16px ui-sans-serif, sans-serif'),
  color: token('color.text', '#172B4D'),
} as const;

const CHIP = {
  whiteSpace: 'nowrap',
  display: 'inline-flex',
  alignItems: 'center',
  minWidth: 0,
  maxWidth: '100%',
} as const;

/** The id and severity stay whole; only the title is cut. */
const KEEP = { flexShrink: 0 } as const;

/**
 * A threat at a glance: id, severity and its title, cut short with "…" where its box is too
 * narrow; the full title on hover and focus (it takes focus), and in its accessible name.
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
          style={CHIP}
        >
          <span style={KEEP}>
            {threat ? (
              <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threatId} />
            ) : (
              <Lozenge appearance="default">{`${threatId} · unknown`}</Lozenge>
            )}
          </span>
          <span style={TITLE} aria-hidden="true">
            {title}
          </span>
        </span>
      )}
    </Tooltip>
  );
}
