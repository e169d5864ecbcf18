import { KbImportError, requireContent } from './import-error';
import { clip } from './import-text';
import { parseJsonText } from './parse-json-text';
import { interchangeFormatOf } from '../../interchange/read-interchange-file';

export const IMPORT_FORMATS = ['pytm', 'tmt', 'threat-dragon', 'otm', 'threat-composer'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const FORMATS_IN_WORDS =
  'a pytm threats.json (a JSON list of threats), a Microsoft TMT template (.tb7 XML), a Threat Dragon v2 model (JSON), an Open Threat Model file (OTM 0.2.0) or a Threat Composer export (.tc.json)';
const TMT_ROOT = /<(?:[\w.-]+:)?(KnowledgeBase|ThreatModel)[\s>/]/;

function detectXml(body: string, file: string): ImportFormat {
  if (TMT_ROOT.test(body)) return 'tmt';
  const root = /<([\w.:-]+)/.exec(body.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1] ?? '?';
  throw new KbImportError(
    `${file}: XML with root <${clip(root, 60)}>, not a Microsoft Threat Modeling Tool template (<KnowledgeBase>, .tb7) or model (<ThreatModel>, .tm7)`,
  );
}

function detectJson(value: unknown, file: string): ImportFormat {
  // pytm is the only format that is a list; the pytm import then names any entry that is off.
  if (Array.isArray(value)) return 'pytm';
  const interchange = interchangeFormatOf(value);
  if (interchange) return interchange;
  const model = value as { detail?: { diagrams?: unknown }; summary?: unknown; version?: unknown } | null;
  if (
    model &&
    typeof model === 'object' &&
    (Array.isArray(model.detail?.diagrams) || (model.summary !== undefined && model.version !== undefined))
  )
    return 'threat-dragon';
  throw new KbImportError(
    `${file}: JSON, but neither a pytm threat list, a Threat Dragon model (no "detail.diagrams"), an OTM file (no "otmVersion") nor a Threat Composer export (no "schema"); expected ${FORMATS_IN_WORDS}`,
  );
}

/**
 * Which importer reads `text` (`--format auto`), from the content alone: a file's extension
 * says little (.json is both pytm and Threat Dragon). Broken JSON is reported with its position.
 */
export function detectFormat(text: string, file: string): ImportFormat {
  const body = requireContent(text, file).trimStart();
  if (body.startsWith('<')) return detectXml(body, file);
  if (body.startsWith('[') || body.startsWith('{')) return detectJson(parseJsonText(body, file), file);
  throw new KbImportError(
    `${file}: neither JSON nor XML (it starts with "${body.slice(0, 20).split('\n')[0]}"); expected ${FORMATS_IN_WORDS}`,
  );
}
