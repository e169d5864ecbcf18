import Lozenge from '@atlaskit/lozenge';
import type { SeverityBand } from '../../../../src/domain/threat-model/severity';

const APPEARANCE: Record<SeverityBand, { appearance: 'default' | 'moved' | 'removed' | 'inprogress'; bold: boolean }> =
  {
    Low: { appearance: 'default', bold: false },
    Medium: { appearance: 'moved', bold: false },
    High: { appearance: 'removed', bold: false },
    Critical: { appearance: 'removed', bold: true },
  };

interface Props {
  band: SeverityBand;
  score: number;
  /** Shown before the band, e.g. the threat id. */
  label?: string;
}

/** A severity as Jira users read it at a glance: colour by band, the score in words. */
export function SeverityLozenge({ band, score, label }: Props) {
  const { appearance, bold } = APPEARANCE[band];
  return (
    <Lozenge appearance={appearance} isBold={bold}>
      {label ? `${label} · ` : ''}
      {band} {score}
    </Lozenge>
  );
}
