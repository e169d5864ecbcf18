import type { RequirementCoverage } from '../compliance/asvs-coverage';
import type { ReportThreat, ThreatModelReport } from './report-model';
import { SEVERITY_ORDER, STATUS_WORDS, whenUtc } from './report-text';

// The tables and sentences both renderings print, cell by cell, so the Markdown and the HTML
// report show the same columns. Each rendering says how it writes what came from Jira.

/** How a rendering writes text a person typed in Jira, an issue key, a severity and a break in a cell. */
export interface ReportMarkup {
  /** Made inert in this format (escaped). */
  text: (text: string) => string;
  /** As text, or a link to the issue. */
  issue: (key: string) => string;
  /** The threat's band and score, e.g. "Critical (20)". */
  severity: (severity: ReportThreat['severity']) => string;
  /** Between two mitigations in one cell. */
  lineBreak: string;
}

const taskCell = (task: { key: string; statusName: string }, m: ReportMarkup): string =>
  `${m.issue(task.key)} (${m.text(task.statusName)})`;

export const THREAT_HEAD = ['Threat', 'Title', 'STRIDE', 'Severity', 'Residual risk', 'Stories', 'Risk accepted'];

export const threatRows = (threats: ReportThreat[], m: ReportMarkup): string[][] =>
  threats.map((t) => [
    t.id,
    m.text(t.title),
    t.stride,
    m.severity(t.severity),
    t.state === 'active' ? String(t.residual) : 'retired',
    t.storyCount === null
      ? 'not counted'
      : t.storyCount === 0
        ? 'none'
        : `${t.stories.map(m.issue).join(', ')}${t.storyCount > t.stories.length ? ` and ${t.storyCount - t.stories.length} more` : ''}`,
    t.acceptance === 'none' ? '' : t.acceptance,
  ]);

export const MITIGATION_HEAD = ['Mitigation', 'Title', 'Status', 'Control', 'Threats', 'Task'];

export const mitigationRows = (r: ThreatModelReport, m: ReportMarkup): string[][] =>
  r.mitigations.map((mitigation) => [
    mitigation.id,
    m.text(mitigation.title),
    mitigation.status,
    mitigation.controlType,
    mitigation.threatIds.join(', '),
    mitigation.task ? taskCell(mitigation.task, m) : 'none',
  ]);

export const ACCEPTED_HEAD = ['Threat', 'Title', 'Residual risk', 'Accepted by', 'On', 'Until', 'State', 'Reason'];

export const acceptedRows = (r: ThreatModelReport, m: ReportMarkup): string[][] =>
  r.acceptedRisks.map((a) => [
    a.threatId,
    m.text(a.title),
    String(a.residual),
    m.text(a.by),
    m.text(a.at),
    m.text(a.until),
    a.state,
    m.text(a.reason),
  ]);

export const AUDIT_HEAD = ['Severity', 'Unsuppressed findings'];

/** The unsuppressed findings of the last complete audit by severity; none when no audit is complete. */
export const auditRows = (r: ThreatModelReport): string[][] | null => {
  const bySeverity = r.audit.bySeverity;
  return bySeverity && SEVERITY_ORDER.map((s) => [s, String(bySeverity[s] ?? 0)]);
};

/** "Last complete audit: …; 6 findings, 1 suppressed; read …": the app's own words, times and numbers. */
export function auditSentence(r: ThreatModelReport): string {
  const a = r.audit;
  const scanned = a.scanned
    ? `; read ${a.scanned.stories} stories, ${a.scanned.threats} threats, ${a.scanned.mitigations} mitigations, ${a.scanned.tasks} tasks`
    : '';
  return `Last complete audit: ${a.completedAt ? whenUtc(a.completedAt) : 'unknown'}; ${a.findings} findings, ${a.suppressed} suppressed${scanned}.`;
}

export const COVERAGE_HEAD = ['Requirement', 'Level', 'Status', 'Mitigations', 'Tasks'];

export const coverageRows = (covered: RequirementCoverage[], m: ReportMarkup): string[][] =>
  covered.map((q) => [
    q.id,
    String(q.level),
    STATUS_WORDS[q.status],
    q.mitigations.map((mitigation) => `${mitigation.id} ${m.text(mitigation.title)}`).join(m.lineBreak) ||
      m.text(q.evidence?.summary ?? ''),
    q.mitigations.flatMap((mitigation) => (mitigation.task ? [taskCell(mitigation.task, m)] : [])).join(', '),
  ]);

/** "345 requirements apply at level 3: 1 implemented, …": numbers only. */
export const coverageSentence = (r: ThreatModelReport): string =>
  `${r.coverage.requirements.length} requirements apply at level ${r.coverage.level}: ${r.coverage.counts.implemented} implemented, ${r.coverage.counts.planned} planned, ${r.coverage.counts.none} with no mitigation.`;
