import { auditProject } from '../../domain/audit/audit';
import { indexStoryLinks, type StoryLinksIndex } from '../../domain/compliance/story-links-index';
import type { AuditResult } from '../../domain/audit/audit-result';
import type { Suppression } from '../../domain/audit/suppression';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import { questionAsker } from '../../domain/knowledge-base/threat-questions';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { withoutRestrictedIssues } from '../../domain/audit/restricted-issues';
import { readAuditInput, type AuditReadProgress } from './audit-source';
import { readAuditState } from './audit-repository';
import type { JiraClient } from '../client/jira-client';
import { loadActiveKnowledgeBases } from '../knowledge-base/knowledge-base-repository';

/**
 * Audits a project: reads it (paged JQL, see readAuditInput) and its active knowledge bases for
 * the STRIDE questions of its threats and the stories without clauses their rules match (no request when only the built-in one is active, two
 * otherwise; one that cannot be read is left out, as in suggestions), and runs the pure audit
 * with the project's suppressions. The app's worker and the command line both come through here.
 */
export async function auditJiraProject(
  client: JiraClient,
  projectKey: string,
  options: AuditOptions,
): Promise<AuditResult> {
  return (await auditAndIndexJiraProject(client, projectKey, options)).result;
}

interface AuditOptions {
  now: string;
  suppressions?: Suppression[];
  /** Issues just written, which search may not show yet (at most 50 ids). */
  reconcileIssues?: string[];
  onProgress?: (progress: AuditReadProgress) => void | Promise<void>;
  /**
   * The result is stored where everyone who browses the project reads it (the app's run): issues
   * under a security level, as they are now (readAuditInput's levelsNow), are left out
   * (withoutRestrictedIssues). The command line, which audits
   * as the person for the person, leaves nothing out.
   */
  shared?: boolean;
}

/**
 * The audit, and the index of which stories link which threats built from the stories it has
 * read anyway: the worker stores both, so the Compliance tab and the report need not read every
 * story again (see story-links-index).
 */
export async function auditAndIndexJiraProject(
  client: JiraClient,
  projectKey: string,
  options: AuditOptions,
): Promise<{ result: AuditResult; storyIndex: StoryLinksIndex }> {
  const suppressions = options.suppressions ?? (await readAuditState(client, projectKey)).suppressions;
  const read = await readAuditInput(client, projectKey, {
    now: options.now,
    suppressions,
    ...(options.reconcileIssues ? { reconcileIssues: options.reconcileIssues } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shared ? { levelsNow: true } : {}),
  });
  const input = options.shared ? withoutRestrictedIssues(read) : read;
  const { knowledgeBases } = await loadActiveKnowledgeBases(client, projectKey, input.model.settings.knowledgeBases);
  const result = auditProject({
    ...input,
    questionKeys: questionKeysOf(input.model, knowledgeBases),
    storyRules: { knowledgeBases, mode: input.model.settings.knowledgeBases.mode },
  });
  return { result, storyIndex: indexStoryLinks(input.stories) };
}

function questionKeysOf(model: ThreatModel, knowledgeBases: KnowledgeBase[]): Record<string, string[]> {
  const ask = questionAsker(knowledgeBases);
  return Object.fromEntries(model.threats.map((t) => [t.id, ask(t).map((q) => q.key)]));
}
