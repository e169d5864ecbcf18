import { z } from 'zod';

/** The built-in knowledge base's id (src/domain/knowledge-base/built-in/web-and-api.ts). */
export const BUILT_IN_KB_ID = 'web-and-api';

export const KnowledgeBaseId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'A knowledge base id is lowercase letters, digits and dashes');

/** A project's choice of knowledge bases: which are active, in order, and which list is shown first. */
export const KnowledgeBaseSettings = z.object({
  active: z
    .array(KnowledgeBaseId)
    .max(20, 'At most 20 knowledge bases can be active')
    .refine((ids) => new Set(ids).size === ids.length, 'Each knowledge base can be named once'),
  /** "top": the short list of each knowledge base first; "full": every matching threat. */
  mode: z.enum(['top', 'full']),
});
export type KnowledgeBaseSettings = z.infer<typeof KnowledgeBaseSettings>;

export const DEFAULT_KNOWLEDGE_BASE_SETTINGS: KnowledgeBaseSettings = { active: [BUILT_IN_KB_ID], mode: 'top' };

/** What a person can upload: a knowledge base in this app's own format, or a library to import. */
export const UPLOAD_FORMATS = ['without', 'pytm', 'tmt', 'threat-dragon', 'otm', 'threat-composer'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];
