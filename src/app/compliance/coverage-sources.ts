import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import type { MitigationView } from '../../domain/mitigation/mitigation-view';
import type { Threat } from '../../domain/threat-model/threat';

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
