import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { SeverityLozenge } from '../threat-model/severity-lozenge';

interface Props {
  threatId: string;
  /** Undefined when the model lacks the threat: deleted, or typed by hand into the field. */
  threat: ThreatView | undefined;
}

/** A linked threat at a glance; its title on hover or focus, and read out in its label. */
export function ThreatLozenge({ threatId, threat }: Props) {
  const title = threat
    ? `${threat.title}${threat.state === 'retired' ? ' (retired)' : ''}`
    : 'Not in this project’s threat model';
  const label = threat
    ? `${threatId} ${threat.severity.band} ${threat.severity.score}: ${title}`
    : `${threatId} unknown: ${title}`;
  return (
    <Tooltip content={title} isScreenReaderAnnouncementDisabled>
      {(triggerProps) => (
        // Focusable so that keyboard users get the tooltip too; the label carries the title for screen readers.
        <span {...triggerProps} role="img" aria-label={label} tabIndex={0}>
          {threat ? (
            <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threatId} />
          ) : (
            <Lozenge appearance="default">{`${threatId} · unknown`}</Lozenge>
          )}
        </span>
      )}
    </Tooltip>
  );
}
