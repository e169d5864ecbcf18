import type { AsvsLevel, AsvsStandard } from '../../domain/compliance/asvs-catalogue';
import { asvsCoverage, type AsvsCoverage } from '../../domain/compliance/asvs-coverage';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import type { MitigationView } from '../../domain/mitigation/mitigation-view';
import type { Threat } from '../../domain/threat-model/threat';
import type { BacklogEvidence } from './backlog-evidence';
import { AppError } from '../../domain/common/app-error';
import { projectWorkflow } from '../../jira/client/permissions';
import { auditStatusFrom, STATUS_KEY } from '../../jira/audit/audit-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { projectPermissionsOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * What the Compliance tab and the report start from, read together as the person: the model with
 * the audit's status in the same request (it says where the last audit's story index is), and
 * the project's issue types (so the stories' search waits for nothing more), once the person is
 * known to see the project.
 */
export async function readBrowsedModel(jira: JiraClients, projectKey: string) {
  const [stored, perms, workflow] = await Promise.all([
    readThreatModel(jira.user, projectKey, [STATUS_KEY]),
    projectPermissionsOf(jira, projectKey),
    projectWorkflow(jira.user, projectKey),
  ]);
  if (!perms.BROWSE_PROJECTS) throw new AppError('FORBIDDEN', `You can't see project ${projectKey}.`);
  const audit = auditStatusFrom(stored.extra[STATUS_KEY]);
  return { stored, model: stored.model, workflow, audit };
}

/**
 * The model's ASVS coverage as the Compliance tab and the report show it: the mitigations with
 * their tasks' live statuses, the backlog's stories and clauses, and the references mitigations
 * and threats inherit from the templates of the knowledge bases in use.
 */
export function modelCoverage(
  standard: AsvsStandard,
  level: AsvsLevel,
  sources: {
    threats: Threat[];
    mitigations: MitigationView[];
    backlog: BacklogEvidence;
    knowledgeBases: KnowledgeBase[];
  },
): AsvsCoverage {
  return asvsCoverage(standard, level, {
    threats: sources.threats,
    mitigations: sources.mitigations,
    storiesByThreat: sources.backlog.storiesByThreat,
    clauseEvidence: sources.backlog.clauseEvidence,
    templateReferences: templateReferences(sources.knowledgeBases),
    threatTemplateReferences: threatTemplateReferences(sources.knowledgeBases),
  });
}

/**
 * The ASVS references of the knowledge-base template a mitigation was made from: mitigations
 * accepted before their template named any inherit them (a detection event's wiring has none).
 */
export function templateReferences(knowledgeBases: KnowledgeBase[]): (m: MitigationView) => string[] | undefined {
  const byKey = new Map<string, string[]>();
  for (const kb of knowledgeBases)
    for (const t of kb.mitigations) if (t.asvs && t.asvs.length > 0) byKey.set(`${kb.id}\u0000${t.id}`, t.asvs);
  return (m) =>
    m.source && m.source.detectionEventId === undefined
      ? byKey.get(`${m.source.knowledgeBaseId}\u0000${m.source.templateId}`)
      : undefined;
}

/** The ASVS references of the threat template a threat was made from (threats inherit them the same way). */
export function threatTemplateReferences(knowledgeBases: KnowledgeBase[]): (t: Threat) => string[] | undefined {
  const byKey = new Map<string, string[]>();
  for (const kb of knowledgeBases)
    for (const t of kb.threats) if (t.asvs && t.asvs.length > 0) byKey.set(`${kb.id}\u0000${t.id}`, t.asvs);
  return (t) =>
    t.source.kind === 'knowledge-base'
      ? byKey.get(`${t.source.knowledgeBaseId}\u0000${t.source.templateId}`)
      : undefined;
}
