import { type z } from 'zod';
import {
  KB_FORMAT,
  KnowledgeBase,
  type KnowledgeBaseInput,
  type MitigationTemplate,
  type ThreatTemplate,
} from '../knowledge-base';
import { structureError } from './import-error';
import { baseName, clip } from './import-text';

/** What every importer takes besides the text: the file's name (for messages) and overrides. */
export interface ImportOptions {
  file: string;
  /** The knowledge base's id; defaults to one made from the source's title. */
  id?: string;
  /** The knowledge base's name; defaults to the source's title. */
  name?: string;
}

export type ThreatDraft = z.input<typeof ThreatTemplate>;
export type MitigationDraft = z.input<typeof MitigationTemplate>;

interface Draft {
  format: 'pytm' | 'tmt' | 'threat-dragon' | 'otm' | 'threat-composer';
  id: string;
  name: string;
  version: string;
  description: string;
  threats: ThreatDraft[];
  mitigations: MitigationDraft[];
}

const describeKbPath = () => ({ label: 'the imported knowledge base', consumed: 0 });

/**
 * Validates the result with the knowledge base's own schema, so an importer can never hand out
 * something the app would reject later (a source beyond the limits ends here, as a message).
 */
export function finishKnowledgeBase(draft: Draft, options: ImportOptions): KnowledgeBase {
  const input: KnowledgeBaseInput = {
    format: KB_FORMAT,
    id: options.id ?? draft.id,
    name: clip(options.name ?? draft.name, 200),
    version: clip(draft.version, 40),
    description: clip(draft.description, 4000),
    source: { format: draft.format, file: clip(baseName(options.file), 400) },
    threats: draft.threats,
    mitigations: draft.mitigations,
    questions: [],
  };
  const result = KnowledgeBase.safeParse(input, { reportInput: true });
  if (!result.success) throw structureError(options.file, result.error, describeKbPath);
  return result.data;
}
