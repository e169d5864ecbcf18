import { escapeMarkdown } from '../report/escape';
import type { Severity } from '../threat-model/severity';
import type { Monitoring } from './monitoring-view';

// The monitoring specification: every detection event of a project's active threats (from
// knowledge-base templates and written by hand), for operations to build alerts from. The same
// document on the Monitoring tab's download and from `npx without monitoring export`.

export const MONITORING_SPEC_FORMAT = 'without-monitoring/1';

export interface MonitoringSpecEvent {
  id: string;
  origin: 'manual' | 'template';
  title: string;
  signal: string;
  threshold: string;
  responder: string;
  firstSteps: string;
  /** The key of the task that wires it, if there is one. */
  task: string | null;
}

export interface MonitoringSpec {
  format: typeof MONITORING_SPEC_FORMAT;
  projectKey: string;
  generatedAt: string;
  counts: { threats: number; events: number };
  threats: Array<{
    id: string;
    title: string;
    severity: Severity;
    /** e.g. `Web applications and APIs (WEB-S-01)`; null when every event was written by hand. */
    template: string | null;
    events: MonitoringSpecEvent[];
  }>;
}

export function monitoringSpec(monitoring: Monitoring, projectKey: string, generatedAt: string): MonitoringSpec {
  const threats = monitoring.threats.map((t) => ({
    id: t.id,
    title: t.title,
    severity: t.severity,
    template: t.knowledgeBase ? `${t.knowledgeBase.name} (${t.templateId})` : null,
    events: t.events.map((e) => ({
      id: e.id,
      origin: e.origin,
      title: e.title,
      signal: e.signal,
      threshold: e.threshold,
      responder: e.responder,
      firstSteps: e.firstSteps,
      task: e.wiring?.task?.key ?? null,
    })),
  }));
  return {
    format: MONITORING_SPEC_FORMAT,
    projectKey,
    generatedAt,
    counts: { threats: threats.length, events: threats.reduce((n, t) => n + t.events.length, 0) },
    threats,
  };
}

/**
 * Text as one Markdown block, lines kept: each line escaped as the report escapes its text
 * (every ASCII punctuation character, so no link, autolink, HTML, emphasis or heading can start).
 */
const md = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map(escapeMarkdown)
    .join('  \n  ');

function eventMarkdown(e: MonitoringSpecEvent): string[] {
  const lines = [`#### ${md(e.title)} (${e.id}${e.origin === 'manual' ? ', written by hand' : ''})`, ''];
  lines.push(`- **Signal:** ${md(e.signal)}`);
  if (e.threshold) lines.push(`- **Threshold:** ${md(e.threshold)}`);
  if (e.responder) lines.push(`- **Who responds:** ${md(e.responder)}`);
  if (e.firstSteps) lines.push(`- **First steps:** ${md(e.firstSteps)}`);
  // A task key is stored in the model as written (a project admin can write any string through
  // REST), so it is escaped like the rest; one line, as a key has no line breaks to keep.
  if (e.task) lines.push(`- **Task:** ${escapeMarkdown(e.task)}`);
  return [...lines, ''];
}

export function monitoringMarkdown(spec: MonitoringSpec): string {
  const lines = [
    `# Monitoring specification: ${spec.projectKey}`,
    '',
    `Generated ${spec.generatedAt} by Without for Jira: ${spec.counts.events} detection events of ${spec.counts.threats} active threats, most severe first.`,
    '',
  ];
  for (const t of spec.threats) {
    lines.push(`## ${t.id} ${md(t.title)}`, '');
    lines.push(
      `Severity: ${t.severity.band} (${t.severity.score})${t.template ? `. From ${md(t.template)}` : ''}.`,
      '',
    );
    for (const e of t.events) lines.push(...eventMarkdown(e));
  }
  if (spec.threats.length === 0) lines.push('No active threat has detection events yet.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
