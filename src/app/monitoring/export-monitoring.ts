import type { MonitoringExportFile } from '../../contract';
import { monitoringMarkdown, monitoringSpec, type MonitoringSpec } from '../../domain/monitoring/monitoring-spec';
import type { JiraClients } from '../common/jira-clients';
import { readMonitoring } from './monitoring-view';

/** The project's monitoring specification, for anyone who may browse the project. */
export async function readMonitoringSpec(jira: JiraClients, projectKey: string): Promise<MonitoringSpec> {
  const { monitoring } = await readMonitoring(jira, projectKey);
  return monitoringSpec(monitoring, projectKey, new Date().toISOString());
}

/** The specification as a file: JSON (the format's document) or Markdown (for people). */
export async function exportMonitoring(
  jira: JiraClients,
  projectKey: string,
  format: 'json' | 'md',
): Promise<MonitoringExportFile> {
  const spec = await readMonitoringSpec(jira, projectKey);
  const base = `${projectKey.toLowerCase()}-monitoring-spec`;
  return format === 'json'
    ? { fileName: `${base}.json`, mediaType: 'application/json', content: `${JSON.stringify(spec, null, 2)}\n` }
    : { fileName: `${base}.md`, mediaType: 'text/markdown', content: monitoringMarkdown(spec) };
}
