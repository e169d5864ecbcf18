import { type KnowledgeBase } from '../knowledge-base';
import { type ImportOptions } from './build-knowledge-base';
import { type ImportFormat, detectFormat } from './detect-format';
import { importPytm } from './pytm';
import { importThreatDragon } from './threat-dragon';
import { importTmt } from './tmt';
import { importInterchangeLibrary } from '../../interchange/interchange-knowledge-base';

const IMPORTERS: Record<ImportFormat, (text: string, options: ImportOptions) => KnowledgeBase> = {
  pytm: importPytm,
  tmt: importTmt,
  'threat-dragon': importThreatDragon,
  otm: importInterchangeLibrary('otm'),
  'threat-composer': importInterchangeLibrary('threat-composer'),
};

export interface ImportedLibrary {
  format: ImportFormat;
  knowledgeBase: KnowledgeBase;
}

/** Imports a threat library in the given format, or the one its content shows ('auto'). Throws KbImportError. */
export function importThreatLibrary(
  text: string,
  format: ImportFormat | 'auto',
  options: ImportOptions,
): ImportedLibrary {
  const used = format === 'auto' ? detectFormat(text, options.file) : format;
  return { format: used, knowledgeBase: IMPORTERS[used](text, options) };
}
