import type { MitigationStatus, Strength } from '../mitigation/mitigation';
import { severityBand, severityScore } from '../threat-model/severity';

/*
 * How the model's scales meet the formats' (README, "Threat-model interchange"):
 *
 * - OTM rates a threat's likelihood and impact from 0 to 100; the model from 1 to 5. A rating
 *   r is written as r x 20 (1 -> 20, 5 -> 100), and a percentage p read as ceil(p / 20), at
 *   least 1 (0-20 -> 1, 21-40 -> 2, ... 81-100 -> 5), so every rating survives a round trip.
 * - OTM gives a mitigation one riskReduction (0-100); the model a strength per threat (0, 25,
 *   50, 75, 100). A riskReduction is read as the nearest strength; the export writes the
 *   highest of a mitigation's strengths, and each threat's own in the attribute
 *   `without:strengths`, which the import prefers.
 * - Threat Composer has a priority (High, Medium, Low) instead of two ratings: High is read as
 *   probability 4 and impact 4 (severity 16, High), Medium as 3 x 3 (9, Medium), Low as 2 x 2
 *   (4, Low), no priority as Medium. The export writes the severity band: Critical and High are
 *   High, Medium is Medium, Low is Low, so the three priorities survive a round trip.
 * - Threat Composer does not weigh mitigations: a link reads as average strength (50).
 */

export const ratingFromPercent = (percent: number | null | undefined): number | undefined =>
  typeof percent === 'number' && Number.isFinite(percent)
    ? Math.min(5, Math.max(1, Math.ceil(Math.max(0, percent) / 20)))
    : undefined;

export const percentFromRating = (rating: number): number => rating * 20;

export function strengthFromPercent(percent: number | null | undefined): Strength | undefined {
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return undefined;
  return (Math.round(Math.min(100, Math.max(0, percent)) / 25) * 25) as Strength;
}

export const THREAT_COMPOSER_PRIORITIES = ['High', 'Medium', 'Low'] as const;
export type ThreatComposerPriority = (typeof THREAT_COMPOSER_PRIORITIES)[number];

const RATING_OF_PRIORITY: Record<ThreatComposerPriority, number> = { High: 4, Medium: 3, Low: 2 };

export const ratingsFromPriority = (
  priority: ThreatComposerPriority | undefined,
): { probability: number; impact: number } => {
  const rating = RATING_OF_PRIORITY[priority ?? 'Medium'];
  return { probability: rating, impact: rating };
};

export function priorityOf(threat: { probability: number; impact: number }): ThreatComposerPriority {
  const band = severityBand(severityScore(threat.probability, threat.impact));
  return band === 'Critical' || band === 'High' ? 'High' : band;
}

/** Threat Composer's mitigation statuses, and the model's status each stands for (and back). */
export const THREAT_COMPOSER_MITIGATION_STATUSES = [
  'mitigationIdentified',
  'mitigationInProgress',
  'mitigationResolved',
  'mitigationResolvedWillNotAction',
] as const;
export type ThreatComposerMitigationStatus = (typeof THREAT_COMPOSER_MITIGATION_STATUSES)[number];

export const STATUS_OF_THREAT_COMPOSER: Record<ThreatComposerMitigationStatus, MitigationStatus> = {
  mitigationIdentified: 'proposed',
  mitigationInProgress: 'in-progress',
  mitigationResolved: 'implemented',
  mitigationResolvedWillNotAction: 'rejected',
};

export function threatComposerStatusOf(status: MitigationStatus): ThreatComposerMitigationStatus {
  if (status === 'in-progress') return 'mitigationInProgress';
  if (status === 'implemented' || status === 'existing') return 'mitigationResolved';
  if (status === 'rejected') return 'mitigationResolvedWillNotAction';
  return 'mitigationIdentified';
}

/** An OTM threat instance's mitigation state (free text in OTM; IriusRisk writes these). */
export function statusFromOtmState(state: string | null | undefined): MitigationStatus {
  const s = (state ?? '').toLowerCase();
  if (s === 'implemented') return 'implemented';
  if (s === 'rejected' || s === 'not-applicable') return 'rejected';
  if (s === 'required' || s === 'recommended') return 'accepted';
  return 'proposed';
}

export function otmStateOf(status: MitigationStatus): string {
  if (status === 'implemented' || status === 'existing') return 'implemented';
  if (status === 'rejected') return 'rejected';
  if (status === 'proposed') return 'recommended';
  return 'required';
}

/** Why a rejected mitigation was rejected, when the file only says it is. */
export const REJECTED_IN_FILE = (format: string): string => `Marked as not to be done in the ${format} file.`;
