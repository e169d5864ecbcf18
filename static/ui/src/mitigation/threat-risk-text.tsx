import { Text } from '@atlaskit/primitives';
import type { ThreatRisk } from '../../../../src/contract';

/** Risk scores are severities (1-25) scaled by strengths, so they can have decimals: one at most. */
export function formatRisk(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "Residual 5 of 20", "Residual 12 of 20 · planned 5", or "Fully mitigated". */
export function riskText(risk: ThreatRisk, severity: number | undefined): string {
  if (risk.fullyMitigated) return 'Fully mitigated';
  const residual = `Residual ${formatRisk(risk.residual)}${severity === undefined ? '' : ` of ${formatRisk(severity)}`}`;
  return formatRisk(risk.planned) === formatRisk(risk.residual)
    ? residual
    : `${residual} · planned ${formatRisk(risk.planned)}`;
}

export function ThreatRiskText({ risk, severity }: { risk: ThreatRisk; severity: number | undefined }) {
  return (
    <Text
      size="small"
      color={risk.fullyMitigated ? 'color.text.success' : 'color.text.subtle'}
      weight={risk.fullyMitigated ? 'medium' : undefined}
    >
      {riskText(risk, severity)}
    </Text>
  );
}
