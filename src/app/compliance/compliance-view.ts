import type { ComplianceQuery, ComplianceView } from '../../contract';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { liveModelWith } from '../../jira/threat-model/project-risk';
import type { JiraClients } from '../common/jira-clients';
import { recordedTasks } from '../threat-model/recorded-tasks';
import { readBacklogEvidence } from './backlog-evidence';
import { modelCoverage, readBrowsedModel } from './coverage-sources';

/**
 * The Compliance tab: each requirement of the chosen ASVS standard at the chosen level, with the
 * mitigations that meet it, their tasks and the stories of their threats. Reads the model (with
 * the audit's status) and the permissions together; then the tasks the model records (by id, side by
 * side), one page of stories and the active uploaded knowledge bases (none for the built-in one
 * alone); past one page of stories, the last audit's story index (readBacklogEvidence).
 */
export async function complianceView(
  jira: JiraClients,
  projectKey: string,
  query: ComplianceQuery,
  /** allStories: read every story (the command line, which has no 25 s limit). */
  options: { allStories?: boolean } = {},
): Promise<ComplianceView> {
  const { stored, model, workflow, audit } = await readBrowsedModel(jira, projectKey);
  const [tasks, backlog, kbs] = await Promise.all([
    recordedTasks(jira.user, projectKey, model.mitigations),
    readBacklogEvidence(jira.user, projectKey, model.settings, workflow.issueTypes, audit.status, options.allStories),
    loadActiveKnowledgeBases(jira.user, projectKey, model.settings.knowledgeBases),
  ]);
  const live = liveModelWith(tasks, model);
  const coverage = modelCoverage(query.standard, query.level, {
    threats: model.threats,
    mitigations: live.mitigations,
    backlog,
    knowledgeBases: kbs.knowledgeBases,
  });
  return {
    projectKey,
    ...coverage,
    storiesJql: Object.fromEntries(
      [...new Set(coverage.requirements.flatMap((r) => r.threats.map((t) => t.id)))].map((id) => [
        id,
        backlog.storiesJql(id),
      ]),
    ),
    problems: [...stored.problems, ...audit.problems, ...kbs.problems],
  };
}
