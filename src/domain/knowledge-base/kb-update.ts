import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import type { KnowledgeBase, MitigationTemplate } from './knowledge-base';
import { templateChanges, type TemplateChange } from './suggest';

/** What a newer version of its knowledge base would change on a threat created from it. */
export interface KbUpdate {
  knowledgeBaseId: string;
  knowledgeBaseName: string;
  /** The version the threat was created from (or last took or declined). */
  fromVersion: string;
  toVersion: string;
  /** Fields where the threat and the template now differ: the threat's value, the template's. */
  changes: TemplateChange[];
  /** Mitigation templates addressing it that no mitigation of the threat was made from. */
  newMitigations: Array<{ templateId: string; title: string }>;
  /** The template is no longer in the knowledge base. */
  removed: boolean;
}

const triple = (...parts: string[]) => parts.join('\u0000');

/**
 * For every active threat created from a template of an active knowledge base whose version is
 * not the one the threat remembers: what changed. Threats whose template changed nothing they
 * would take (same fields, no new mitigation) get no update. Indexes are built once per call.
 */
export function pendingKbUpdates(
  model: { threats: Threat[]; mitigations: Mitigation[] },
  knowledgeBases: readonly KnowledgeBase[],
): Map<string, KbUpdate> {
  const kbs = new Map(knowledgeBases.map((kb) => [kb.id, kb]));
  const updates = new Map<string, KbUpdate>();
  let made: Set<string> | undefined;
  const mitigationIndexes = new Map<string, Map<string, MitigationTemplate[]>>();
  for (const threat of model.threats) {
    const { source } = threat;
    if (threat.state !== 'active' || source.kind !== 'knowledge-base') continue;
    const kb = kbs.get(source.knowledgeBaseId);
    if (!kb || kb.version === source.version) continue;
    made ??= madeFromTemplates(model.mitigations);
    const base = {
      knowledgeBaseId: kb.id,
      knowledgeBaseName: kb.name,
      fromVersion: source.version,
      toVersion: kb.version,
    };
    const template = kb.threats.find((t) => t.id === source.templateId);
    if (!template) {
      updates.set(threat.id, { ...base, changes: [], newMitigations: [], removed: true });
      continue;
    }
    let index = mitigationIndexes.get(kb.id);
    if (!index) mitigationIndexes.set(kb.id, (index = mitigationTemplatesByThreat(kb)));
    const newMitigations = (index.get(template.id) ?? [])
      .filter((m) => !made!.has(triple(kb.id, m.id, threat.id)))
      .map((m) => ({ templateId: m.id, title: m.title }));
    const changes = templateChanges(template, threat);
    if (changes.length > 0 || newMitigations.length > 0)
      updates.set(threat.id, { ...base, changes, newMitigations, removed: false });
  }
  return updates;
}

/** knowledge base, mitigation template, threat id: for each threat a mitigation made from a template addresses. */
function madeFromTemplates(mitigations: Mitigation[]): Set<string> {
  const made = new Set<string>();
  for (const m of mitigations) {
    const { source } = m;
    // A detection event's wiring is not its template's mitigation.
    if (!source || source.detectionEventId !== undefined) continue;
    for (const a of m.addresses) made.add(triple(source.knowledgeBaseId, source.templateId, a.threatId));
  }
  return made;
}

function mitigationTemplatesByThreat(kb: KnowledgeBase): Map<string, MitigationTemplate[]> {
  const index = new Map<string, MitigationTemplate[]>();
  for (const m of kb.mitigations) {
    for (const a of m.addresses) {
      const list = index.get(a.threatId);
      if (list) list.push(m);
      else index.set(a.threatId, [m]);
    }
  }
  return index;
}
