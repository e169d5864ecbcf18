import { RULE_DEPTH_REASON } from '../input-limits';
import { KB_FORMAT, KnowledgeBase } from '../knowledge-base';
import type { UploadFormat } from '../knowledge-base-settings';
import { tooDeepRulePath } from '../rule-depth';
import type { ImportFormat } from './detect-format';
import { requireContent, structureError } from './import-error';
import { importThreatLibrary } from './import-threat-library';
import { jsonErrorAt, parseJsonText } from './parse-json-text';

// The own format is a JSON object naming it near the top; a pytm list or a Threat Dragon model never does.
const OWN_FORMAT = new RegExp(`"format"\\s*:\\s*"${KB_FORMAT.replace('/', '\\/')}"`);
const looksLikeOwnFormat = (text: string): boolean => text.trimStart().startsWith('{') && OWN_FORMAT.test(text);

/** A zod path of the own format in words: `threats[3]` for ['threats', 3, ...]. */
function describeOwnPath(path: ReadonlyArray<PropertyKey>): { label: string; consumed: number } {
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number') return { label: `${list}[${index}]`, consumed: 2 };
  return { label: 'the knowledge base', consumed: 0 };
}

const templatesOf = (value: unknown, list: 'threats' | 'questions'): unknown[] => {
  const templates = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[list] : undefined;
  return Array.isArray(templates) ? templates : [];
};

/**
 * A rule nested too deeply, refused where it stands in the file. The schema refuses it as well,
 * but only with a path, and the path of a rule nested 40 deep is a line of "all[0]".
 */
function refuseDeepRules(value: unknown, text: string, file: string): void {
  for (const list of ['threats', 'questions'] as const) {
    templatesOf(value, list).forEach((template, i) => {
      const rule: unknown =
        typeof template === 'object' && template !== null
          ? (template as { appliesWhen?: unknown }).appliesWhen
          : undefined;
      const tooDeep = tooDeepRulePath(rule);
      if (tooDeep)
        throw jsonErrorAt(text, file, [list, i, 'appliesWhen', ...tooDeep], `${list}[${i}]: ${RULE_DEPTH_REASON}`);
    });
  }
}

function readOwnFormat(text: string, file: string): KnowledgeBase {
  const value = parseJsonText(text, file);
  refuseDeepRules(value, text, file);
  const parsed = KnowledgeBase.safeParse(value, { reportInput: true });
  if (!parsed.success) throw structureError(file, parsed.error, describeOwnPath);
  return parsed.data;
}

/**
 * The knowledge base in an uploaded file: the app's own format (`without kb import` writes it)
 * read as it is, or a pytm, Microsoft TMT or Threat Dragon library imported. Throws
 * KbImportError with the file, line and column where the text is at fault.
 */
export function readKnowledgeBaseFile(text: string, format: UploadFormat | 'auto', file: string): KnowledgeBase {
  const body = requireContent(text, file);
  if (format === 'without' || (format === 'auto' && looksLikeOwnFormat(body))) return readOwnFormat(body, file);
  const library: ImportFormat | 'auto' = format;
  return importThreatLibrary(body, library, { file }).knowledgeBase;
}
