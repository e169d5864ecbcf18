import type { CoverageStatus, RequirementCoverage } from '../compliance/asvs-coverage';
import type { ThreatModelReport } from './report-model';

// Words both renderings share, so the Markdown and the HTML report say the same things.

export const STATUS_WORDS: Record<CoverageStatus, string> = {
  implemented: 'Implemented',
  planned: 'Planned',
  none: 'No mitigation',
};

export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;

export const reportTitle = (r: ThreatModelReport): string =>
  `Threat model report: ${r.project.name} (${r.project.key})`;

/** "2026-12-02 15:04 UTC" from an ISO time; a stored time that is not one (it is input) says so. */
export const whenUtc = (iso: string): string =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'an unreadable time';

/** The sentence under the risk figures. */
export function riskSentence(r: ThreatModelReport): string {
  const first = r.history[0];
  const change =
    first && r.history.length > 1
      ? ` Since ${first.date} it went from ${first.now} to ${r.risk.now} (${r.risk.now - first.now <= 0 ? '' : '+'}${Math.round((r.risk.now - first.now) * 100) / 100}).`
      : '';
  return `Residual risk now ${r.risk.now}, ${r.risk.planned} once planned work is done, of ${r.risk.inherent} before any mitigation (sum over the ${r.counts.activeThreats} active threats; severity = probability x impact, 1-25).${change}`;
}

/** Covered requirements first (in the document's order), then the ones with no mitigation. */
export function coverageGroups(requirements: RequirementCoverage[]): {
  covered: RequirementCoverage[];
  uncovered: RequirementCoverage[];
} {
  return {
    covered: requirements.filter((r) => r.status !== 'none'),
    uncovered: requirements.filter((r) => r.status === 'none'),
  };
}

export const issueUrl = (siteUrl: string, key: string): string => `${siteUrl}/browse/${encodeURIComponent(key)}`;
