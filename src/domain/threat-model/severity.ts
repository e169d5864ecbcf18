// Severity = probability x impact, each 1-5, banded as the product's threat model defines.
export type SeverityBand = 'Low' | 'Medium' | 'High' | 'Critical';

export const severityScore = (probability: number, impact: number): number => probability * impact;

export function severityBand(score: number): SeverityBand {
  if (score >= 17) return 'Critical';
  if (score >= 10) return 'High';
  if (score >= 5) return 'Medium';
  return 'Low';
}

export interface Severity {
  score: number;
  band: SeverityBand;
}

export const severityOf = (t: { probability: number; impact: number }): Severity => {
  const score = severityScore(t.probability, t.impact);
  return { score, band: severityBand(score) };
};
