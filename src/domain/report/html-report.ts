import { clauseSummary } from '../compliance/clause-evidence';
import { escapeHtml as h } from './escape';
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
import { riskChartSvg } from './risk-chart-svg';
import { coverageGroups, issueUrl, reportTitle, riskSentence, whenUtc } from './report-text';

// The report as one self-contained HTML page (no script, no outside resource) that prints to
// PDF from a browser: A4 margins, the risk chart and the top threats on the first page, tables
// that repeat their header and keep rows whole. Every text from Jira goes through escapeHtml;
// links are built only from the site URL and an encoded issue key.

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #172b4d; margin: 0 auto; max-width: 960px; padding: 16px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #dfe1e6; padding-bottom: 2px; break-after: avoid; }
p { margin: 4px 0 8px; }
.muted, .legend { color: #44546f; font-size: 9.5pt; }
.figures { display: flex; gap: 24px; margin: 6px 0; }
.figure b { display: block; font-size: 16pt; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 9.5pt; }
th, td { border: 1px solid #dfe1e6; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f7f8f9; white-space: nowrap; }
table.threats th:nth-child(2) { width: 42%; white-space: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.band { font-weight: 600; white-space: nowrap; }
.Critical { color: #ae2e24; } .High { color: #a54800; } .Medium { color: #7f5f01; } .Low { color: #216e4e; }
.key { display: inline-block; width: 18px; height: 0; border-top: 2.5px solid #c9372c; vertical-align: middle; margin: 0 4px 0 10px; }
.key.planned { border-top: 2px dashed #1f845a; }
.risk-chart { max-height: 200px; }
.page-break { break-before: page; }
.problems { border-left: 3px solid #e2b203; padding-left: 8px; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

/** Issue keys link to the issue when the report names an http(s) site. */
const htmlMarkup = (r: ThreatModelReport): ReportMarkup => ({
  text: h,
  issue: (key) => (r.siteUrl ? `<a href="${h(issueUrl(r.siteUrl, key))}">${h(key)}</a>` : h(key)),
  severity: ({ band, score }) => `<span class="band ${band}">${band} (${score})</span>`,
  lineBreak: '<br>',
});

const table = (head: string[], rows: string[][], numeric: number[] = [], className = ''): string =>
  `<table${className ? ` class="${className}"` : ''}><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function firstPage(r: ThreatModelReport): string {
  const kbs = r.knowledgeBases.map((k) => `${h(k.name)} ${h(k.version)}`).join(', ') || 'none';
  return [
    `<h1>${h(reportTitle(r))}</h1>`,
    `<p class="muted">Generated ${whenUtc(r.generatedAt)}. Knowledge bases in use: ${kbs}. ${r.counts.activeThreats} active threats, ${r.counts.retiredThreats} retired; ${r.counts.mitigations} mitigations, ${r.counts.tasks} with a backlog task. ${h(clauseSummary(r.clauseEvidence))}</p>`,
    r.problems.length > 0
      ? `<div class="problems"><p>Some stored values could not be read:</p><ul>${r.problems.map((p) => `<li>${h(p)}</li>`).join('')}</ul></div>`
      : '',
    '<h2>Risk now and its trend</h2>',
    `<div class="figures"><div class="figure">Risk now<b>${r.risk.now}</b></div><div class="figure">Once planned work is done<b>${r.risk.planned}</b></div><div class="figure">Before any mitigation<b>${r.risk.inherent}</b></div></div>`,
    riskChartSvg(r.history),
    `<p class="muted">${h(riskSentence(r))}</p>`,
    '<h2>Top threats</h2>',
    r.topThreats.length > 0
      ? table(THREAT_HEAD, threatRows(r.topThreats, htmlMarkup(r)), [4], 'threats top-threats')
      : '<p>The threat model has no active threats.</p>',
  ].join('\n');
}

function mitigations(r: ThreatModelReport): string {
  if (r.mitigations.length === 0) return '<h2>Mitigations</h2><p>The threat model has no mitigations.</p>';
  return `<h2>Mitigations</h2>${table(MITIGATION_HEAD, mitigationRows(r, htmlMarkup(r)))}`;
}

function accepted(r: ThreatModelReport): string {
  if (r.acceptedRisks.length === 0)
    return '<h2>Accepted risks</h2><p>No threat of this model has an accepted residual risk.</p>';
  return `<h2>Accepted risks</h2>${table(ACCEPTED_HEAD, acceptedRows(r, htmlMarkup(r)), [2])}`;
}

function audit(r: ThreatModelReport): string {
  const rows = auditRows(r);
  if (!rows) return '<h2>Audit</h2><p>No complete audit is stored for this project; run the audit.</p>';
  return `<h2>Audit</h2><p>${h(auditSentence(r))}</p>${table(AUDIT_HEAD, rows, [1])}`;
}

function coverage(r: ThreatModelReport): string {
  const c = r.coverage;
  const { covered, uncovered } = coverageGroups(c.requirements);
  const where = c.clauseRequirement
    ? `evidence for ASVS ${h(c.version)} ${h(c.clauseRequirement)}`
    : `ASVS ${h(c.version)} has no requirement for security constraints in user stories; 4.0.3 V1.1.3 asked for them`;
  return [
    `<h2>OWASP ASVS ${h(c.version)} coverage, level ${c.level}</h2>`,
    `<p>${coverageSentence(r)}</p>`,
    `<p>Security constraints in user stories: ${h(clauseSummary(c.clauseEvidence))} (${where}.)</p>`,
    covered.length > 0
      ? table(COVERAGE_HEAD, coverageRows(covered, htmlMarkup(r)))
      : '<p>No requirement is covered by a mitigation yet.</p>',
    `<p class="muted">With no mitigation: ${uncovered.map((q) => q.id).join(', ') || 'none'}.</p>`,
    `<p class="muted">${h(c.attribution)}</p>`,
  ].join('\n');
}

/** The whole report as one HTML document. */
export function htmlReport(r: ThreatModelReport): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(reportTitle(r))}</title>`,
    `<style>${STYLE}</style></head><body>`,
    firstPage(r),
    '<section class="page-break">',
    `<h2>All threats</h2>${r.threats.length > 0 ? table(THREAT_HEAD, threatRows(r.threats, htmlMarkup(r)), [4], 'threats') : '<p>The threat model has no threats.</p>'}`,
    mitigations(r),
    accepted(r),
    audit(r),
    coverage(r),
    '</section>',
    '</body></html>',
    '',
  ].join('\n');
}
