import type { ReportDocument } from '../../contract';
import { safeHttpUrl } from '../../domain/report/escape';
import { htmlReport } from '../../domain/report/html-report';
import { markdownReport } from '../../domain/report/markdown-report';
import { buildReport } from '../../domain/report/report-model';
import type { JiraClients } from '../common/jira-clients';
import { readReportInput, type ReportOptions } from './report-input';

/** The threat-model report of a project as a document to save: Markdown or self-contained HTML. */
export async function threatModelReport(
  jira: JiraClients,
  projectKey: string,
  options: ReportOptions & { format: 'md' | 'html' },
): Promise<ReportDocument> {
  const siteUrl = safeHttpUrl(options.siteUrl);
  const report = buildReport(await readReportInput(jira, projectKey, { ...options, ...(siteUrl ? { siteUrl } : {}) }));
  const day = options.now.slice(0, 10);
  return options.format === 'md'
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
}
