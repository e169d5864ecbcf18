import type { AsvsLevel, AsvsStandard } from '../../domain/compliance/asvs-catalogue';
import type { ReportInput } from '../../domain/report/report-model';
import { readAuditResultOf } from '../../jira/audit/audit-repository';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { displayNames } from '../../jira/people/people-repository';
import { readProjectName } from '../../jira/report/project-name';
import { liveModelWith } from '../../jira/threat-model/project-risk';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import type { JiraClients } from '../common/jira-clients';
import { recordedTasks } from '../threat-model/recorded-tasks';
import { readBacklogEvidence } from '../compliance/backlog-evidence';
import { modelCoverage, readBrowsedModel } from '../compliance/coverage-sources';

export interface ReportOptions {
  now: string;
  standard?: AsvsStandard;
  level?: AsvsLevel;
  /** The site's http(s) address, for links to issues (the command line knows it). */
  siteUrl?: string;
  /** Read every story rather than a page and the audit's index (the command line has no 25 s limit). */
  allStories?: boolean;
}

/**
 * Everything a report says, read as the person: the model (with the audit's status) and the
 * permissions, then in one round the project's name, the last audit's result, the tasks the
 * model records (by id, side by side), a page of stories (past it, the audit's story index:
 * readBacklogEvidence), the risk history, the active uploaded knowledge bases (none for the
 * built-in one alone), and the names of the people who accepted risks (one, when any did).
 */
export async function readReportInput(
  jira: JiraClients,
  projectKey: string,
  options: ReportOptions,
): Promise<ReportInput> {
  const { stored, model, workflow, audit: auditStatus } = await readBrowsedModel(jira, projectKey);
  const acceptors = [...new Set(model.threats.flatMap((t) => (t.acceptance ? [t.acceptance.accountId] : [])))];
  const [name, tasks, backlog, history, audit, kbs, names] = await Promise.all([
    readProjectName(jira.user, projectKey),
    recordedTasks(jira.user, projectKey, model.mitigations),
    readBacklogEvidence(
      jira.user,
      projectKey,
      model.settings,
      workflow.issueTypes,
      auditStatus.status,
      options.allStories,
    ),
    readRiskHistory(jira.user, projectKey),
    readAuditResultOf(jira.user, projectKey, auditStatus.status),
    loadActiveKnowledgeBases(jira.user, projectKey, model.settings.knowledgeBases),
    acceptors.length > 0 ? displayNames(jira.user, acceptors) : Promise.resolve({} as Record<string, string>),
  ]);
  const live = liveModelWith(tasks, model);
  const coverage = modelCoverage(options.standard ?? 'asvs-5.0', options.level ?? 2, {
    threats: model.threats,
    mitigations: live.mitigations,
    backlog,
    knowledgeBases: kbs.knowledgeBases,
  });
  return {
    project: { key: projectKey, name },
    generatedAt: options.now,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    knowledgeBases: kbs.knowledgeBases.map((k) => ({ id: k.id, name: k.name, version: k.version })),
    threats: model.threats,
    mitigations: live.mitigations,
    risk: live.risk,
    riskRules: model.settings.risk,
    history: history.points,
    storiesByThreat: backlog.storiesByThreat,
    clauseEvidence: backlog.clauseEvidence,
    audit: { result: audit.result, completedAt: auditStatus.status?.complete?.finishedAt ?? null },
    coverage,
    names,
    problems: [
      ...stored.problems,
      ...(history.problem ? [history.problem] : []),
      ...auditStatus.problems,
      ...audit.problems,
      ...kbs.problems,
    ],
  };
}
