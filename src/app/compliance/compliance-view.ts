import type { ComplianceQuery, ComplianceView } from '../../contract';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { liveModelWith } from '../../jira/threat-model/project-risk';
import { projectTasksOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { readBacklogEvidence } from './backlog-evidence';
import { modelCoverage, readBrowsedModel } from './coverage-sources';

/**
 * The Compliance tab: each requirement of the chosen ASVS standard at the chosen level, with the
 * mitigations that meet it, their tasks and the stories of their threats. Reads the model, the
 * permissions, the tasks (one search), the stories (one paged search) and the active uploaded
 * knowledge bases (none for the built-in one alone).
 */
export async function complianceView(
  jira: JiraClients,
  projectKey: string,
  query: ComplianceQuery,
): Promise<ComplianceView> {
  const { stored, model, workflow } = await readBrowsedModel(jira, projectKey);
  const [tasks, backlog, kbs] = await Promise.all([
    projectTasksOf(jira, projectKey),
    readBacklogEvidence(jira.user, projectKey, model.settings, workflow.issueTypes),
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
    problems: [...stored.problems, ...kbs.problems],
  };
}
