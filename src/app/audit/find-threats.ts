import type { AuditThreat } from '../../contract';
import { threatChoices } from '../../domain/audit/threat-choices';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { requireAuditor } from './require-auditor';

/**
 * The threats the "link a threat" fix offers, for what the person typed: the audit's view names
 * only the threats of its page, and a 5,000-threat list would be most of an answer's megabyte.
 * The model (one request, as the person) beside the check that they may browse the project.
 */
export async function findThreats(
  jira: JiraClients,
  projectKey: string,
  query: string,
): Promise<{ threats: AuditThreat[] }> {
  const stored = threatModelOf(jira, projectKey);
  stored.catch(() => undefined); // the check's refusal comes first
  await requireAuditor(jira, projectKey);
  return { threats: threatChoices((await stored).model.threats, query) };
}
