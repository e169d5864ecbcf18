import { exportOtm } from '../../domain/interchange/otm-export';
import type { ExportSource } from '../../domain/interchange/export-source';
import type { InterchangeFormat } from '../../domain/interchange/imported-from';
import { exportThreatComposer } from '../../domain/interchange/threat-composer-export';
import { readStoryLinks } from '../../jira/interchange/story-links-repository';
import type { JiraClients } from '../common/jira-clients';
import { threatModelOf } from '../common/call-reads';

const FILE_ENDINGS: Record<InterchangeFormat, string> = { otm: 'otm.json', 'threat-composer': 'tc.json' };

export const exportFileName = (projectKey: string, format: InterchangeFormat): string =>
  `${projectKey}-threat-model.${FILE_ENDINGS[format]}`;

/** The document of a format, from the model and the stories given. */
export const exportDocument = (format: InterchangeFormat, source: ExportSource): object =>
  format === 'otm' ? exportOtm(source) : exportThreatComposer(source);

export interface WholeExport {
  format: InterchangeFormat;
  fileName: string;
  text: string;
  threats: number;
  mitigations: number;
  problems: string[];
}

/**
 * The project's threat model as one OTM or Threat Composer document, read as the person (the
 * model, then every story with clauses by paged JQL, so an export names only stories they may
 * see): the command line's `without export`, which has no answer limit and no 25 s. The
 * project page asks for parts instead (exportThreatModelPart). Nothing is written.
 */
export async function exportThreatModel(
  jira: JiraClients,
  projectKey: string,
  format: InterchangeFormat,
): Promise<WholeExport> {
  const [stored, stories] = await Promise.all([threatModelOf(jira, projectKey), readStoryLinks(jira.user, projectKey)]);
  const document = exportDocument(format, { projectKey, projectName: projectKey, model: stored.model, stories });
  return {
    format,
    fileName: exportFileName(projectKey, format),
    // Without indentation: a large model's file is a third smaller, and still one JSON document.
    text: `${JSON.stringify(document)}\n`,
    threats: stored.model.threats.length,
    mitigations: stored.model.mitigations.length,
    problems: stored.problems,
  };
}
