import { AppError } from '../common/app-error';
import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { checkRevision, findThreat, reviseThreat, type Actor, type ThreatModel } from '../threat-model/threat-model';
import { addTemplateMitigations, templateDraft } from './accept';
import type { KnowledgeBase } from './knowledge-base';

export interface TakenKbUpdate {
  model: ThreatModel;
  threat: Threat;
  /** Mitigations created now, or that now also address the threat. */
  mitigations: Mitigation[];
}

/**
 * Takes a newer version of a threat's template ("Take update": its title, description, STRIDE
 * categories, probability and impact, and its mitigations the threat lacks, as proposed), or
 * declines it ("Keep ours": only the version is recorded, so the notice goes). Either way the
 * threat then follows the current version of the active knowledge base it was created from.
 */
export function takeKbUpdate(
  model: ThreatModel,
  threatId: string,
  baseRevision: number,
  take: boolean,
  knowledgeBases: readonly KnowledgeBase[],
  actor: Actor,
): TakenKbUpdate {
  const current = findThreat(model, threatId);
  const { source } = current;
  if (source.kind !== 'knowledge-base')
    throw new AppError('BAD_REQUEST', `${current.id} was not created from a knowledge base.`);
  const kb = knowledgeBases.find((k) => k.id === source.knowledgeBaseId);
  if (!kb)
    throw new AppError(
      'NOT_FOUND',
      `The knowledge base "${source.knowledgeBaseId}" that ${current.id} was created from is not active in this project.`,
    );
  checkRevision(current, baseRevision);
  if (current.state === 'retired')
    throw new AppError('BAD_REQUEST', `${current.id} is retired; reactivate it to take the update.`);
  if (source.version === kb.version)
    throw new AppError('BAD_REQUEST', `${current.id} already follows version ${kb.version} of "${kb.name}".`);
  const template = kb.threats.find((t) => t.id === source.templateId);
  if (take && !template) {
    throw new AppError(
      'BAD_REQUEST',
      `Version ${kb.version} of "${kb.name}" no longer has the threat ${current.id} was created from: keep yours, or retire it.`,
    );
  }
  const followed = { ...source, version: kb.version };
  if (!take || !template) return { ...reviseThreat(model, { ...current, source: followed }, actor), mitigations: [] };
  // The component stays the team's: the template's kind says less than what they named.
  const { component: _kept, ...fields } = templateDraft(template);
  const { model: next, threat } = reviseThreat(model, { ...current, ...fields, source: followed }, actor);
  const added = addTemplateMitigations(next, kb, template.id, threat.id, actor);
  return { model: added.model, threat, mitigations: added.mitigations };
}
