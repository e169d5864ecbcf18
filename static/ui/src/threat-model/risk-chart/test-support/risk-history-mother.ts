import type { RiskPoint } from '../../../../../../src/domain/threat-model/risk-history';

const MS_PER_DAY = 86_400_000;

/** `days` daily points from `start`, risk now falling from `from` to `to`, planned 20 below it. */
export function aRiskHistory(days: number, { start = '2025-03-01', from = 120, to = 95 } = {}): RiskPoint[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: days }, (_, index) => {
    const now = days === 1 ? to : from + ((to - from) * index) / (days - 1);
    return {
      date: new Date(first + index * MS_PER_DAY).toISOString().slice(0, 10),
      now,
      planned: Math.max(0, now - 20),
    };
  });
}
