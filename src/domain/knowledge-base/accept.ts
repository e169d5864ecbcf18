import { clip } from '../common/text-hygiene';
import { AppError } from '../common/app-error';
import type { Mitigation, MitigationSource } from '../mitigation/mitigation';
import { CLAUSE_TEXT_MAX } from '../story/without-clause';
import type { Threat, ThreatDraft, ThreatSource } from '../threat-model/threat';
import { addMitigation, addThreat, type Actor, type ThreatModel } from '../threat-model/threat-model';
import { componentLabel, type KnowledgeBase, type ThreatTemplate } from './knowledge-base';

export interface AcceptedTemplate {
  model: ThreatModel;
  threat: Threat;
  /** Whether the threat was created now (false: the one created earlier from the template). */
  created: boolean;
  /** Mitigations created now, or that now also address the threat. */
  mitigations: Mitigation[];
}

/** Whether a threat or mitigation was created from the template (a detection event's wiring is not its template's mitigation). */
export const fromTemplate = (
  source: ThreatSource | MitigationSource | undefined,
  knowledgeBaseId: string,
  templateId: string,
): boolean =>
  source?.kind === 'knowledge-base' &&
  source.knowledgeBaseId === knowledgeBaseId &&
  source.templateId === templateId &&
  !('detectionEventId' in source && source.detectionEventId !== undefined);

export function findThreatTemplate(kb: KnowledgeBase, templateId: string): ThreatTemplate {
  const template = kb.threats.find((t) => t.id === templateId);
  if (!template) throw new AppError('NOT_FOUND', `The knowledge base "${kb.name}" has no threat ${templateId}.`);
  return template;
}

/** What a threat made from the template starts with; "Take update" takes the same fields but the component. */
export const templateDraft = (template: ThreatTemplate): ThreatDraft => ({
  title: template.title,
  description: template.description,
  stride: [...new Set(template.stride)],
  probability: template.probability,
  impact: template.impact,
  // The label reads well in the threat table; questions are matched on the kind's key either way.
  component: componentLabel(template.component),
});

/**
 * Adds a knowledge-base threat template to the model, or finds the threat created from it
 * before, and the template's mitigations of it as "proposed". Nothing is added twice: a
 * mitigation created from the same template earlier is reused (and made to address the
 * threat when it did not yet).
 */
export function acceptThreatTemplate(
  model: ThreatModel,
  kb: KnowledgeBase,
  templateId: string,
  actor: Actor,
): AcceptedTemplate {
  const template = findThreatTemplate(kb, templateId);
  let next = model;
  let threat = model.threats.find((t) => fromTemplate(t.source, kb.id, template.id));
  const created = threat === undefined;
  if (threat?.state === 'retired') {
    throw new AppError(
      'BAD_REQUEST',
      `${threat.id} was created from this suggestion and is retired. Reactivate it in the threat model to link it.`,
    );
  }
  if (!threat) {
    const added = addThreat(next, templateDraft(template), actor, {
      kind: 'knowledge-base',
      knowledgeBaseId: kb.id,
      templateId: template.id,
      version: kb.version,
    });
    next = added.model;
    threat = added.threat;
  }
  const added = addTemplateMitigations(next, kb, template.id, threat.id, actor);
  return { model: added.model, threat, created, mitigations: added.mitigations };
}

/**
 * The knowledge base's mitigations of a threat template, for a threat of the model, as
 * "proposed": one created from the same mitigation template earlier is reused (and made to
 * address the threat when it did not yet); one that already addresses it is left as it is.
 */
export function addTemplateMitigations(
  model: ThreatModel,
  kb: KnowledgeBase,
  templateId: string,
  threatId: string,
  actor: Actor,
): { model: ThreatModel; mitigations: Mitigation[] } {
  let next = model;
  const changed: Mitigation[] = [];
  for (const m of kb.mitigations) {
    const address = m.addresses.find((a) => a.threatId === templateId);
    if (!address) continue;
    const existing = next.mitigations.find((x) => fromTemplate(x.source, kb.id, m.id));
    if (existing) {
      if (existing.addresses.some((a) => a.threatId === threatId)) continue;
      const widened: Mitigation = {
        ...existing,
        addresses: [...existing.addresses, { threatId, strength: address.strength }],
        updated: { accountId: actor.accountId, at: actor.now },
        revision: existing.revision + 1,
      };
      next = { ...next, mitigations: next.mitigations.map((x) => (x.id === existing.id ? widened : x)) };
      changed.push(widened);
      continue;
    }
    const draft = {
      title: m.title,
      implementation: m.implementation,
      verification: m.verification,
      controlType: m.controlType,
      addresses: [{ threatId, strength: address.strength }],
      status: 'proposed' as const,
      rejectionReason: '',
      // The template's ASVS requirements come along: the mitigation meets what its template meets.
      ...(m.asvs && m.asvs.length > 0 ? { asvs: [...m.asvs] } : {}),
    };
    const added = addMitigation(next, draft, actor, {
      kind: 'knowledge-base',
      knowledgeBaseId: kb.id,
      templateId: m.id,
      version: kb.version,
    });
    next = added.model;
    changed.push(added.mitigation);
  }
  return { model: next, mitigations: changed };
}

/**
 * The text of a new WITHOUT clause for a threat: its title as the part after "WITHOUT",
 * e.g. "card data disclosed in transit or at rest". An acronym at the start keeps its case.
 */
export function clauseTextFor(title: string): string {
  const text = title.trim();
  const startsWithAcronym = /^\p{Lu}{2}/u.test(text);
  const phrased = startsWithAcronym ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return clip(phrased, CLAUSE_TEXT_MAX);
}
