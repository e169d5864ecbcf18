import { printable } from '../common/printable-text';
import type { AuditResult } from './audit-result';
import { FINDING_SEVERITIES } from './finding-kinds';
import { coveragePercent, type StoryCoverage } from './story-coverage';

function cut(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - text.length));

function coverageLine(c: StoryCoverage): string {
  const percent = coveragePercent(c);
  if (percent === undefined) return 'no story needs a WITHOUT clause';
  return `${c.withClauses} of ${c.needing} stories that need WITHOUT clauses have them (${percent}%)`;
}

/** Plain text for a terminal: counts per severity, then one line per unsuppressed finding, cut to `width`. */
export function toTable(result: AuditResult, { width = 120 }: { width?: number } = {}): string {
  const open = result.findings.filter((f) => !f.suppression);
  const suppressed = result.totals.suppressed > 0 ? `, ${result.totals.suppressed} suppressed` : '';
  const lines = [
    `Audit of ${result.projectKey} at ${result.generatedAt}: ${result.totals.findings} finding${result.totals.findings === 1 ? '' : 's'}${suppressed}`,
    FINDING_SEVERITIES.map((s) => `${s} ${result.counts.bySeverity[s]}`).join('  '),
    ...(result.coverage ? [`Coverage: ${coverageLine(result.coverage)}`] : []),
    '',
  ];
  if (open.length === 0) return [...lines, 'No findings.', ''].join('\n');
  const kindWidth = Math.max(4, ...open.map((f) => f.kind.length));
  lines.push(cut(`${pad('SEVERITY', 9)}${pad('KIND', kindWidth + 1)}MESSAGE`, width));
  for (const f of open)
    lines.push(cut(`${pad(f.severity, 9)}${pad(f.kind, kindWidth + 1)}${printable(f.message)}`, width));
  return [...lines, ''].join('\n');
}
