import type { InterchangeExport } from '../../contract';
import { exportOtm } from '../../domain/interchange/otm-export';
import type { InterchangeFormat } from '../../domain/interchange/imported-from';
import { exportThreatComposer } from '../../domain/interchange/threat-composer-export';
import { readStoryLinks } from '../../jira/interchange/story-links-repository';
import type { JiraClients } from '../common/jira-clients';
import { threatModelOf } from '../common/call-reads';

const FILE_ENDINGS: Record<InterchangeFormat, string> = { otm: 'otm.json', 'threat-composer': 'tc.json' };

/**
 * The project's threat model as an OTM or Threat Composer document, read as the person (the
 * model, then the stories with clauses by paged JQL, so an export names only stories they may
 * see). Nothing is written.
 */
export async function exportThreatModel(
  jira: JiraClients,
  projectKey: string,
  format: InterchangeFormat,
): Promise<InterchangeExport> {
  const [stored, stories] = await Promise.all([threatModelOf(jira, projectKey), readStoryLinks(jira.user, projectKey)]);
  const source = { projectKey, projectName: projectKey, model: stored.model, stories };
  const document = format === 'otm' ? exportOtm(source) : exportThreatComposer(source);
  return {
    format,
    fileName: `${projectKey}-threat-model.${FILE_ENDINGS[format]}`,
    text: `${JSON.stringify(document, null, 2)}\n`,
    threats: stored.model.threats.length,
    mitigations: stored.model.mitigations.length,
    problems: stored.problems,
  };
}
