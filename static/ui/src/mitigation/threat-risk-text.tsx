import { Text } from '@atlaskit/primitives';
import type { ThreatRisk } from '../../../../src/contract';
import { Explained } from '../common/explained';
import { ONCE_PLANNED, RISK_HELP } from '../common/risk-words';

/** Risk scores are severities (1-25) scaled by strengths, so they can have decimals: one at most. */
export function formatRisk(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "Residual 5 of 20", "Residual 12 of 20 · 5 once planned work is done", or "Fully mitigated". */
export function riskText(risk: ThreatRisk, severity: number | undefined): string {
  if (risk.fullyMitigated) return 'Fully mitigated';
  const residual = `Residual ${formatRisk(risk.residual)}${severity === undefined ? '' : ` of ${formatRisk(severity)}`}`;
  return formatRisk(risk.planned) === formatRisk(risk.residual)
    ? residual
    : `${residual} · ${formatRisk(risk.planned)} ${ONCE_PLANNED}`;
}

export function ThreatRiskText({ risk, severity }: { risk: ThreatRisk; severity: number | undefined }) {
  return (
    <Text
      size="small"
      color={risk.fullyMitigated ? 'color.text.success' : 'color.text.subtle'}
      weight={risk.fullyMitigated ? 'medium' : undefined}
    >
      <Explained help={`${RISK_HELP.residual} ${RISK_HELP.oncePlanned}`}>{riskText(risk, severity)}</Explained>
    </Text>
  );
}
