import type { InterchangeExport } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { exportOtm } from '../../domain/interchange/otm-export';
import type { InterchangeFormat } from '../../domain/interchange/imported-from';
import { exportThreatComposer } from '../../domain/interchange/threat-composer-export';
import { readStoryLinks } from '../../jira/interchange/story-links-repository';
import type { JiraClients } from '../common/jira-clients';
import { threatModelOf } from '../common/call-reads';

const FILE_ENDINGS: Record<InterchangeFormat, string> = { otm: 'otm.json', 'threat-composer': 'tc.json' };

/** The largest export an answer carries: Forge refuses a resolver answer above 5 MB, and the envelope needs room. */
export const EXPORT_MAX_BYTES = 4 * 1024 * 1024;

const TOO_LARGE = (projectKey: string, bytes: number, threats: number, mitigations: number) =>
  `${projectKey}'s threat model (${threats} threats, ${mitigations} mitigations) makes a ${(bytes / 1024 / 1024).toFixed(1)} MB file; the app can hand out at most ${EXPORT_MAX_BYTES / 1024 / 1024} MB. Export it with the command line (without export), which has no such limit.`;

/**
 * The project's threat model as an OTM or Threat Composer document, read as the person (the
 * model, then the stories with clauses by paged JQL, so an export names only stories they may
 * see). Nothing is written. `maxBytes`: the largest file the caller can hand on (the command line has no limit).
 */
export async function exportThreatModel(
  jira: JiraClients,
  projectKey: string,
  format: InterchangeFormat,
  maxBytes = EXPORT_MAX_BYTES,
): Promise<InterchangeExport> {
  const [stored, stories] = await Promise.all([threatModelOf(jira, projectKey), readStoryLinks(jira.user, projectKey)]);
  const source = { projectKey, projectName: projectKey, model: stored.model, stories };
  const document = format === 'otm' ? exportOtm(source) : exportThreatComposer(source);
  // Without indentation: a large model's file is a third smaller, and still one JSON document.
  const text = `${JSON.stringify(document)}\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes)
    throw new AppError(
      'BAD_REQUEST',
      TOO_LARGE(projectKey, bytes, stored.model.threats.length, stored.model.mitigations.length),
    );
  return {
    format,
    fileName: `${projectKey}-threat-model.${FILE_ENDINGS[format]}`,
    text,
    threats: stored.model.threats.length,
    mitigations: stored.model.mitigations.length,
    problems: stored.problems,
  };
}
