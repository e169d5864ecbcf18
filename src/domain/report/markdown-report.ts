import { clauseSummary } from '../compliance/clause-evidence';
import { escapeMarkdown as md } from './escape';
import type { ThreatModelReport } from './report-model';
import {
  ACCEPTED_HEAD,
  acceptedRows,
  AUDIT_HEAD,
  auditRows,
  auditSentence,
  COVERAGE_HEAD,
  coverageRows,
  coverageSentence,
  MITIGATION_HEAD,
  mitigationRows,
  type ReportMarkup,
  THREAT_HEAD,
  threatRows,
} from './report-rows';
import { trendSample } from './risk-chart-svg';
import { coverageGroups, reportTitle, riskSentence, whenUtc } from './report-text';

// The report as Markdown: every text from Jira goes through escapeMarkdown, so a hostile title
// stays text (no link, image, HTML or broken table). Ids, numbers and dates are the app's own.

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

const MARKDOWN: ReportMarkup = {
  text: md,
  issue: md,
  severity: ({ band, score }) => `${band} (${score})`,
  lineBreak: '; ',
};

function scope(r: ThreatModelReport): string[] {
  const kbs = r.knowledgeBases.map((k) => `${md(k.name)} ${md(k.version)}`).join(', ') || 'none';
  return [
    '## Scope',
    '',
    `- Project: ${md(r.project.name)} (${r.project.key})`,
    `- Generated: ${whenUtc(r.generatedAt)}`,
    `- Knowledge bases in use: ${kbs}`,
    `- Threats: ${r.counts.activeThreats} active, ${r.counts.retiredThreats} retired; mitigations: ${r.counts.mitigations}, ${r.counts.tasks} with a backlog task`,
    `- Stories: ${clauseSummary(r.clauseEvidence)}`,
    '',
  ];
}

function risk(r: ThreatModelReport): string[] {
  const sample = trendSample(r.history);
  return [
    '## Risk now and its trend',
    '',
    riskSentence(r),
    '',
    ...(sample.length > 0
      ? table(
          ['Date', 'Risk now', 'Once planned work is done'],
          sample.map((p) => [p.date, String(p.now), String(p.planned)]),
        )
      : ['No risk history is recorded yet.']),
    '',
  ];
}

function mitigations(r: ThreatModelReport): string[] {
  if (r.mitigations.length === 0) return ['## Mitigations', '', 'The threat model has no mitigations.', ''];
  return ['## Mitigations', '', ...table(MITIGATION_HEAD, mitigationRows(r, MARKDOWN)), ''];
}

function accepted(r: ThreatModelReport): string[] {
  if (r.acceptedRisks.length === 0)
    return ['## Accepted risks', '', 'No threat of this model has an accepted residual risk.', ''];
  return ['## Accepted risks', '', ...table(ACCEPTED_HEAD, acceptedRows(r, MARKDOWN)), ''];
}

function audit(r: ThreatModelReport): string[] {
  const rows = auditRows(r);
  if (!rows) return ['## Audit', '', 'No complete audit is stored for this project; run the audit.', ''];
  return ['## Audit', '', auditSentence(r), '', ...table(AUDIT_HEAD, rows), ''];
}

function coverage(r: ThreatModelReport): string[] {
  const c = r.coverage;
  const { covered, uncovered } = coverageGroups(c.requirements);
  return [
    `## OWASP ASVS ${c.version} coverage, level ${c.level}`,
    '',
    coverageSentence(r),
    '',
    `Security constraints in user stories: ${clauseSummary(c.clauseEvidence)} ${c.clauseRequirement ? `(evidence for ASVS ${c.version} ${c.clauseRequirement}.)` : `(ASVS ${c.version} has no requirement for security constraints in user stories; 4.0.3 V1.1.3 asked for them.)`}`,
    '',
    ...(covered.length > 0
      ? table(COVERAGE_HEAD, coverageRows(covered, MARKDOWN))
      : ['No requirement is covered by a mitigation yet.']),
    '',
    `With no mitigation: ${uncovered.map((q) => q.id).join(', ') || 'none'}.`,
    '',
    // The app's own sentence (not from Jira), kept as written so its links stay links.
    c.attribution,
    '',
  ];
}

/** The whole report as one Markdown document. */
export function markdownReport(r: ThreatModelReport): string {
  const lines = [
    `# ${md(reportTitle(r))}`,
    '',
    ...(r.problems.length > 0
      ? ['> Some stored values could not be read:', ...r.problems.map((p) => `> - ${md(p)}`), '']
      : []),
    ...scope(r),
    ...risk(r),
    '## Top threats',
    '',
    ...(r.topThreats.length > 0
      ? table(THREAT_HEAD, threatRows(r.topThreats, MARKDOWN))
      : ['The threat model has no active threats.']),
    '',
    '## All threats',
    '',
    ...(r.threats.length > 0
      ? table(THREAT_HEAD, threatRows(r.threats, MARKDOWN))
      : ['The threat model has no threats.']),
    '',
    ...mitigations(r),
    ...accepted(r),
    ...audit(r),
    ...coverage(r),
  ];
  return `${lines.join('\n')}\n`;
}
