import { type StrideCategory } from '../../threat-model/stride';
import { strideFromWords } from './stride-from-words';
import { ownEntry } from './own-entry';

/**
 * Threat Dragon's threat types onto STRIDE. Files store the type as its English name
 * ("Information disclosure") or as a translation key ("threats.model.stride.informationDisclosure");
 * both are compared as lowercase letters only.
 * - CIA: confidentiality is information disclosure, integrity tampering, availability denial of service.
 * - DIE (the counterpart of CIA): distributed D, immutable T, ephemeral I.
 * - LINDDUN (privacy): linkability, identifiability, detectability, disclosure of information and
 *   unawareness all end in personal information reaching someone it should not: I.
 *   Non-repudiation (a person cannot deny an action) and non-compliance (no proof of meeting
 *   obligations) are about what is recorded and provable: R.
 * Other types (PLOT4ai, custom) are read from the words of the type and title, and default to
 * information disclosure, where privacy and AI threats mostly land.
 */
const TYPE_STRIDE: Record<string, StrideCategory> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  informationdisclosure: 'I',
  denialofservice: 'D',
  elevationofprivilege: 'E',
  confidentiality: 'I',
  integrity: 'T',
  availability: 'D',
  distributed: 'D',
  immutable: 'T',
  ephemeral: 'I',
  linkability: 'I',
  identifiability: 'I',
  detectability: 'I',
  disclosureofinformation: 'I',
  unawareness: 'I',
  identifiabilitylinkability: 'I',
  nonrepudiation: 'R',
  noncompliance: 'R',
};
const FALLBACK: StrideCategory = 'I';

const typeKey = (type: string): string => (type.split('.').pop() ?? type).toLowerCase().replace(/[^a-z]/g, '');

export interface ThreatDragonStride {
  stride: StrideCategory[];
  /** Set when the type is not a STRIDE one, to keep what the source said. */
  note?: string;
}

export function threatDragonStride(type: string, modelType: string, title: string): ThreatDragonStride {
  const key = typeKey(type);
  const mapped = ownEntry(TYPE_STRIDE, key);
  const isStride =
    /^stride$/i.test(modelType) ||
    [
      'spoofing',
      'tampering',
      'repudiation',
      'informationdisclosure',
      'denialofservice',
      'elevationofprivilege',
    ].includes(key);
  const note = isStride ? undefined : `Threat Dragon type: ${type || '(none)'}${modelType ? ` (${modelType})` : ''}`;
  if (mapped) return { stride: [mapped], ...(note ? { note } : {}) };
  const guessed = strideFromWords(`${type.replace(/([a-z])([A-Z])/g, '$1 $2')} ${title}`);
  return { stride: guessed.length > 0 ? guessed : [FALLBACK], note: note ?? `Threat Dragon type: ${type || '(none)'}` };
}

/** Threat Dragon's severity onto impact: Low 2, Medium 3, High 4, Critical 5; none (or TBD) is Medium. */
const SEVERITY_IMPACT: Record<string, number> = { low: 2, medium: 3, high: 4, critical: 5 };
export const impactOfSeverity = (severity: string): number =>
  ownEntry(SEVERITY_IMPACT, severity.trim().toLowerCase()) ?? 3;

/** Threat Dragon records no likelihood; the middle of the scale says "not assessed". */
export const THREAT_DRAGON_PROBABILITY = 3;
