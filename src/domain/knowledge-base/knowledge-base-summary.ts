import type { Threat } from '../threat-model/threat';
import type { KnowledgeBase } from './knowledge-base';
import type { KnowledgeBaseSettings } from './knowledge-base-settings';

/** A knowledge base as the settings page lists it. */
export interface KnowledgeBaseSummary {
  id: string;
  name: string;
  version: string;
  description: string;
  sourceFormat: 'built-in' | 'without' | 'pytm' | 'tmt' | 'threat-dragon' | 'otm' | 'threat-composer';
  file?: string;
  counts: { threats: number; mitigations: number; questions: number };
  builtIn: boolean;
  active: boolean;
  uploadedBy?: string;
  uploadedAt?: string;
  /** Threats of the model created from it. */
  threatCount: number;
}

/** An uploaded knowledge base as its library entry describes it (no need to read its parts). */
export type UploadedKnowledgeBase = Pick<
  KnowledgeBaseSummary,
  'id' | 'name' | 'version' | 'description' | 'sourceFormat' | 'file' | 'counts' | 'uploadedBy' | 'uploadedAt'
>;

/**
 * The knowledge bases the settings page lists: the active ones first, in the order the
 * settings give them, then the others by name; each with the number of threats made from it.
 */
export function knowledgeBaseSummaries(
  builtIn: KnowledgeBase,
  uploaded: UploadedKnowledgeBase[],
  settings: KnowledgeBaseSettings,
  threats: Pick<Threat, 'source'>[],
): KnowledgeBaseSummary[] {
  const threatCount = (id: string) =>
    threats.filter((t) => t.source.kind === 'knowledge-base' && t.source.knowledgeBaseId === id).length;
  const builtInSummary: UploadedKnowledgeBase = {
    id: builtIn.id,
    name: builtIn.name,
    version: builtIn.version,
    description: builtIn.description,
    sourceFormat: 'built-in',
    counts: {
      threats: builtIn.threats.length,
      mitigations: builtIn.mitigations.length,
      questions: builtIn.questions.length,
    },
  };
  const all = [builtInSummary, ...uploaded.filter((u) => u.id !== builtIn.id)].map((kb) => ({
    ...kb,
    builtIn: kb.id === builtIn.id,
    active: settings.active.includes(kb.id),
    threatCount: threatCount(kb.id),
  }));
  const rank = (s: KnowledgeBaseSummary) => (s.active ? settings.active.indexOf(s.id) : settings.active.length);
  return all.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
