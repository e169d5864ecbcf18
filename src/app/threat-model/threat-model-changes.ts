import type { ModelChanges, ModelSeen } from '../../contract';
import { countModelIssues, issuesTouchedSince } from '../../jira/threat-model/model-activity';
import { completedAtOf, STATUS_KEY } from '../../jira/audit/audit-repository';
import { readModelRevision } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { libraryStamp, STAMPED_KEYS } from './model-stamps';

/**
 * Whether the Threat model tab's view may be out of date: the model was written since (its
 * revision moved), an audit finished since (the coverage it shows), the uploaded knowledge bases
 * changed, a task or a story with clauses was updated since the page read it, or one was deleted
 * (their count moved: no search finds what is gone). Three small reads as the person, together,
 * where the view reads the model, every recorded task and the stories of a page. A revision that
 * cannot be read says "changed": the full read explains.
 */
export async function threatModelChanges(
  jira: JiraClients,
  projectKey: string,
  seen: ModelSeen,
  nowMs = Date.now(),
): Promise<ModelChanges> {
  const [stamps, touched, issues] = await Promise.all([
    readModelRevision(jira.user, projectKey, [STATUS_KEY, ...STAMPED_KEYS]),
    issuesTouchedSince(jira.user, projectKey, seen.readAt, nowMs),
    // The page read no count (the view could not get one): nothing to compare with.
    seen.issues === null ? null : countModelIssues(jira.user, projectKey),
  ]);
  const { revision, extra } = stamps;
  const changed =
    revision === null ||
    revision !== seen.revision ||
    completedAtOf(extra[STATUS_KEY]) !== seen.auditAt ||
    libraryStamp(extra) !== seen.libraryStamp ||
    touched ||
    (issues !== null && issues !== seen.issues);
  return { changed };
}
