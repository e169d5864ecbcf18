import { KB_FORMAT, KnowledgeBase } from '../knowledge-base';
import type { UploadFormat } from '../knowledge-base-settings';
import type { ImportFormat } from './detect-format';
import { requireContent, structureError } from './import-error';
import { importThreatLibrary } from './import-threat-library';
import { parseJsonText } from './parse-json-text';

// The own format is a JSON object naming it near the top; a pytm list or a Threat Dragon model never does.
const OWN_FORMAT = new RegExp(`"format"\\s*:\\s*"${KB_FORMAT.replace('/', '\\/')}"`);
const looksLikeOwnFormat = (text: string): boolean => text.trimStart().startsWith('{') && OWN_FORMAT.test(text);

/** A zod path of the own format in words: `threats[3]` for ['threats', 3, ...]. */
function describeOwnPath(path: ReadonlyArray<PropertyKey>): { label: string; consumed: number } {
  const [list, index] = path;
  if (typeof list === 'string' && typeof index === 'number') return { label: `${list}[${index}]`, consumed: 2 };
  return { label: 'the knowledge base', consumed: 0 };
}

function readOwnFormat(text: string, file: string): KnowledgeBase {
  const parsed = KnowledgeBase.safeParse(parseJsonText(text, file), { reportInput: true });
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
