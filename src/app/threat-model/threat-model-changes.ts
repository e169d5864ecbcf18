import type { ModelChanges, ModelSeen } from '../../contract';
import { issuesTouchedSince } from '../../jira/threat-model/model-activity';
import { completedAtOf, STATUS_KEY } from '../../jira/audit/audit-repository';
import { readModelRevision } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';

/**
 * Whether the Threat model tab's view may be out of date: the model was written since (its
 * revision moved), an audit finished since (the coverage it shows), or a task or a story with
 * clauses was updated since the page read it. Two
 * small reads as the person, together, where the view reads the model, every task and every
 * story with clauses. A revision that cannot be read says "changed": the full read explains.
 */
export async function threatModelChanges(
  jira: JiraClients,
  projectKey: string,
  seen: ModelSeen,
  nowMs = Date.now(),
): Promise<ModelChanges> {
  const [stamps, touched] = await Promise.all([
    readModelRevision(jira.user, projectKey, [STATUS_KEY]),
    issuesTouchedSince(jira.user, projectKey, seen.readAt, nowMs),
  ]);
  const { revision, extra } = stamps;
  const auditAt = completedAtOf(extra[STATUS_KEY]);
  return { changed: revision === null || revision !== seen.revision || auditAt !== seen.auditAt || touched };
}
