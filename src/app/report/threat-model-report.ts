import { createHash } from 'node:crypto';
import type { ReportDocument, ReportPart } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { textPart } from '../../domain/report/document-parts';
import { safeHttpUrl } from '../../domain/report/escape';
import { htmlReport } from '../../domain/report/html-report';
import { markdownReport } from '../../domain/report/markdown-report';
import { buildReport } from '../../domain/report/report-model';
import type { JiraClients } from '../common/jira-clients';
import { readReportInput, type ReportOptions } from './report-input';

/** How long after its first part a report's other parts may be asked for (a download takes seconds). */
const PARTS_WITHIN_MS = 15 * 60 * 1000;
const STALE = 'This download of the report started too long ago. Download it again.';

const CHANGED =
  'The threat model or its tasks changed while the report was being made, so its parts do not fit together. Download it again.';

/**
 * The threat-model report of a project as one part of a document to save, Markdown or
 * self-contained HTML: a 5,000-threat model's HTML is about 3 MB, past what an answer should
 * carry, so the browser asks for its parts one after another and joins them. Every part renders
 * the whole report from the same reads, dated by the first part, and hands out its slice; a
 * report that renders differently for a later part (the model changed) is refused, not mixed.
 */
export async function threatModelReport(
  jira: JiraClients,
  projectKey: string,
  options: ReportOptions & { format: 'md' | 'html'; part?: ReportPart },
): Promise<ReportDocument> {
  // The first part's time comes back from the browser: input, so held to the last minutes, and a
  // report can never be dated otherwise than when it was made.
  const age = options.part ? Date.parse(options.now) - Date.parse(options.part.generatedAt) : 0;
  if (!(age >= -60_000 && age <= PARTS_WITHIN_MS)) throw new AppError('CONFLICT', STALE);
  const now = options.part?.generatedAt ?? options.now;
  const document = await wholeThreatModelReport(jira, projectKey, { ...options, now });
  if (options.part && options.part.digest !== document.digest) throw new AppError('CONFLICT', CHANGED);
  const index = options.part?.index ?? 0;
  const part = textPart(document.text, index);
  if (!part) throw new AppError('BAD_REQUEST', `The report has no part ${index + 1}.`);
  return { ...document, text: part.text, part: index, parts: part.parts };
}

/** The whole document in one (the command line, which has no answer limit). */
export async function wholeThreatModelReport(
  jira: JiraClients,
  projectKey: string,
  options: ReportOptions & { format: 'md' | 'html' },
): Promise<ReportDocument> {
  const siteUrl = safeHttpUrl(options.siteUrl);
  const report = buildReport(await readReportInput(jira, projectKey, { ...options, ...(siteUrl ? { siteUrl } : {}) }));
  const day = options.now.slice(0, 10);
  const document =
    options.format === 'md'
      ? {
          fileName: `${projectKey}-threat-model-${day}.md`,
          mimeType: 'text/markdown;charset=utf-8',
          text: markdownReport(report),
        }
      : {
          fileName: `${projectKey}-threat-model-${day}.html`,
          mimeType: 'text/html;charset=utf-8',
          text: htmlReport(report),
        };
  const digest = createHash('sha256').update(document.text).digest('hex');
  return { ...document, part: 0, parts: 1, generatedAt: options.now, digest };
}
