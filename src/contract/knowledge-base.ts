import { z } from 'zod';
import {
  KnowledgeBaseId,
  KnowledgeBaseSettings,
  UPLOAD_FORMATS,
} from '../domain/knowledge-base/knowledge-base-settings';
import type { KnowledgeBaseSummary } from '../domain/knowledge-base/knowledge-base-summary';
import type { Strength } from '../domain/mitigation/mitigation';
import { personText } from '../domain/common/text-hygiene';
import type { Severity } from '../domain/threat-model/severity';
import type { StrideCategory } from '../domain/threat-model/stride';
import { endpoint } from './endpoint';
import type { SettingsView } from './settings';
import type { StoryView } from './story';

export type { KnowledgeBaseSummary };

export const KbSettingsSave = z.object({ knowledgeBases: KnowledgeBaseSettings });
export type KbSettingsSave = z.infer<typeof KbSettingsSave>;

/** The invoke payload limit is 500 KB: the UI sends the file deflated where the browser can. */
export const UPLOAD_CONTENT_MAX = 450_000;
export const KbUpload = z.object({
  // Shown in messages and stored with the upload: a bidi override here would disguise the name.
  fileName: personText({ label: 'A file name', min: 1, max: 400, multiline: false, tooShort: 'Name the file' }),
  format: z.enum(['auto', ...UPLOAD_FORMATS]),
  content: z.discriminatedUnion('encoding', [
    z.object({
      encoding: z.literal('text'),
      text: z.string().max(UPLOAD_CONTENT_MAX, `A file sent as text can have at most ${UPLOAD_CONTENT_MAX / 1000} KB`),
    }),
    z.object({
      encoding: z.literal('deflate-base64'),
      data: z.string().max(UPLOAD_CONTENT_MAX, `A compressed file can have at most ${UPLOAD_CONTENT_MAX / 1000} KB`),
    }),
  ]),
  /** Turn it on for suggestions right away. */
  activate: z.boolean().default(true),
});
export type KbUpload = z.input<typeof KbUpload>;

export interface KbUploadResult {
  view: SettingsView;
  uploaded: KnowledgeBaseSummary;
  /** The version it replaced, when a knowledge base with the same id was uploaded before. */
  replacedVersion?: string;
}

export const KbRemove = z.object({ id: KnowledgeBaseId });
export type KbRemove = z.infer<typeof KbRemove>;
export const KbRestore = z.object({ id: KnowledgeBaseId, activate: z.boolean() });
export type KbRestore = z.infer<typeof KbRestore>;

/** Without a mode, the project's default (settings). */
export const KbSuggest = z.object({
  mode: z.enum(['top', 'full']).optional(),
  /**
   * A story of the page's project named by key (the sprint view's gaps); without it, the issue
   * panel's own issue. Input: it is read as the person, and must be in the page's project.
   */
  issueKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,9}$/, 'An issue key such as PAY-5')
    .optional(),
});
export type KbSuggest = z.infer<typeof KbSuggest>;

export const KbAccept = z.object({
  knowledgeBaseId: z.string().min(1).max(60),
  templateId: z.string().min(1).max(80),
  /** The clause to link the threat to; absent: a new clause named after the threat. */
  clauseId: z.string().min(1).max(40).optional(),
  /** The revision of the story's clauses the person started from. */
  baseRevision: z.number().int().min(0),
  /**
   * The issue ids of the tasks the person's panel shows (a hint, frontend input): they are read
   * with the story, as the person, and the answer uses them only when they are exactly the tasks it
   * works out from the model; otherwise it reads those again (a request more).
   */
  taskIds: z
    .array(z.string().regex(/^[1-9][0-9]{0,17}$/, 'An issue id'))
    .max(99)
    .optional(),
});
export type KbAccept = z.infer<typeof KbAccept>;

/** A mitigation a knowledge base proposes for a suggested threat. */
export interface SuggestedMitigationView {
  templateId: string;
  title: string;
  /** How much it removes of the suggested threat. */
  strength: Strength;
  /** Part of the knowledge base's short "TOP" list. */
  top: boolean;
}

/** A threat a knowledge base suggests for the story, and why. */
export interface ThreatSuggestionView {
  knowledgeBaseId: string;
  knowledgeBaseName: string;
  templateId: string;
  title: string;
  description: string;
  stride: StrideCategory[];
  severity: Severity;
  /** Why it matched, e.g. `summary mentions "credit card"`. */
  reasons: string[];
  /** Its rule matches every story: listed last, folded away under "Show N generic suggestions". */
  generic: boolean;
  /** The story's WITHOUT clauses whose text it matched: one is where "Link to" starts. */
  matchedClauseIds: string[];
  mitigations: SuggestedMitigationView[];
  /** The project's threat already created from this template: "Link" instead of "Add and link". */
  existingThreatId?: string;
}

export interface KbSuggestionsView {
  mode: 'top' | 'full';
  /** The best match first (then the most severe), generic ones last. */
  suggestions: ThreatSuggestionView[];
  /** Names of the knowledge bases asked. */
  knowledgeBases: string[];
  /** Knowledge bases that are active but could not be read. */
  problems: string[];
}

export const knowledgeBaseEndpoints = {
  'knowledge-base/suggest': endpoint<KbSuggestionsView>()(KbSuggest),
  'knowledge-base/accept': endpoint<StoryView>()(KbAccept),
  'knowledge-base/save-settings': endpoint<SettingsView>()(KbSettingsSave),
  'knowledge-base/upload': endpoint<KbUploadResult>()(KbUpload),
  'knowledge-base/remove': endpoint<SettingsView>()(KbRemove),
  'knowledge-base/restore': endpoint<SettingsView>()(KbRestore),
};
