import { clauseSummary } from '../compliance/clause-evidence';
import { escapeMarkdown as md } from './escape';
import type { ReportThreat, ThreatModelReport } from './report-model';
import { trendSample } from './risk-chart-svg';
import { coverageGroups, reportTitle, riskSentence, SEVERITY_ORDER, STATUS_WORDS, whenUtc } from './report-text';

// The report as Markdown: every text from Jira goes through escapeMarkdown, so a hostile title
// stays text (no link, image, HTML or broken table). Ids, numbers and dates are the app's own.

const table = (head: string[], rows: string[][]): string[] => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];

const stories = (t: ReportThreat): string =>
  t.storyCount === 0
    ? 'none'
    : `${t.stories.map(md).join(', ')}${t.storyCount > t.stories.length ? ` and ${t.storyCount - t.stories.length} more` : ''}`;

const threatRow = (t: ReportThreat): string[] => [
  t.id,
  md(t.title),
  t.stride,
  `${t.severity.band} (${t.severity.score})`,
  t.state === 'active' ? String(t.residual) : 'retired',
  stories(t),
  t.acceptance === 'none' ? '' : t.acceptance,
];

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
  return [
    '## Mitigations',
    '',
    ...table(
      ['Mitigation', 'Title', 'Status', 'Control', 'Threats', 'Task'],
      r.mitigations.map((m) => [
        m.id,
        md(m.title),
        m.status,
        m.controlType,
        m.threatIds.join(', '),
        m.task ? `${md(m.task.key)} (${md(m.task.statusName)})` : 'none',
      ]),
    ),
    '',
  ];
}

function accepted(r: ThreatModelReport): string[] {
  if (r.acceptedRisks.length === 0)
    return ['## Accepted risks', '', 'No threat of this model has an accepted residual risk.', ''];
  return [
    '## Accepted risks',
    '',
    ...table(
      ['Threat', 'Title', 'Residual risk', 'Accepted by', 'On', 'Until', 'State', 'Reason'],
      r.acceptedRisks.map((a) => [
        a.threatId,
        md(a.title),
        String(a.residual),
        md(a.by),
        a.at,
        a.until,
        a.state,
        md(a.reason),
      ]),
    ),
    '',
  ];
}

function audit(r: ThreatModelReport): string[] {
  const a = r.audit;
  if (!a.bySeverity) return ['## Audit', '', 'No complete audit is stored for this project; run the audit.', ''];
  return [
    '## Audit',
    '',
    `Last complete audit: ${a.completedAt ? whenUtc(a.completedAt) : 'unknown'}; ${a.findings} findings, ${a.suppressed} suppressed${a.scanned ? `; read ${a.scanned.stories} stories, ${a.scanned.threats} threats, ${a.scanned.mitigations} mitigations, ${a.scanned.tasks} tasks` : ''}.`,
    '',
    ...table(
      ['Severity', 'Unsuppressed findings'],
      SEVERITY_ORDER.map((s) => [s, String(a.bySeverity![s] ?? 0)]),
    ),
    '',
  ];
}

function coverage(r: ThreatModelReport): string[] {
  const c = r.coverage;
  const { covered, uncovered } = coverageGroups(c.requirements);
  return [
    `## OWASP ASVS ${c.version} coverage, level ${c.level}`,
    '',
    `${c.requirements.length} requirements apply at level ${c.level}: ${c.counts.implemented} implemented, ${c.counts.planned} planned, ${c.counts.none} with no mitigation.`,
    '',
    `Security constraints in user stories: ${clauseSummary(c.clauseEvidence)} ${c.clauseRequirement ? `(evidence for ASVS ${c.version} ${c.clauseRequirement}.)` : `(ASVS ${c.version} has no requirement for security constraints in user stories; 4.0.3 V1.1.3 asked for them.)`}`,
    '',
    ...(covered.length > 0
      ? table(
          ['Requirement', 'Level', 'Status', 'Mitigations', 'Tasks'],
          covered.map((q) => [
            q.id,
            String(q.level),
            STATUS_WORDS[q.status],
            q.mitigations.map((m) => `${m.id} ${md(m.title)}`).join('; ') || md(q.evidence?.summary ?? ''),
            q.mitigations
              .filter((m) => m.task)
              .map((m) => `${md(m.task!.key)} (${md(m.task!.statusName)})`)
              .join(', '),
          ]),
        )
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
      ? table(
          ['Threat', 'Title', 'STRIDE', 'Severity', 'Residual risk', 'Stories', 'Risk accepted'],
          r.topThreats.map(threatRow),
        )
      : ['The threat model has no active threats.']),
    '',
    '## All threats',
    '',
    ...(r.threats.length > 0
      ? table(
          ['Threat', 'Title', 'STRIDE', 'Severity', 'Residual risk', 'Stories', 'Risk accepted'],
          r.threats.map(threatRow),
        )
      : ['The threat model has no threats.']),
    '',
    ...mitigations(r),
    ...accepted(r),
    ...audit(r),
    ...coverage(r),
  ];
  return `${lines.join('\n')}\n`;
}
