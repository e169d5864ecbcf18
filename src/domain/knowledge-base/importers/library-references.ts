import { type Reference } from '../knowledge-base';

const CAPEC = /capec\.mitre\.org\/data\/definitions\/(\d+)|\bCAPEC-(\d+)\b/gi;
const CWE = /cwe\.mitre\.org\/data\/definitions\/(\d+)|\bCWE-(\d+)\b/gi;
const CVE = /\bCVE-\d{4}-\d{4,}\b/gi;
const URL = /https?:\/\/[^\s,;)"'<>]+/gi;
const MITRE_DEFINITION = /(capec|cwe)\.mitre\.org\/data\/definitions\//i;

const idsOf = (text: string, pattern: RegExp, prefix: string): string[] =>
  [...text.matchAll(pattern)].map((m) => `${prefix}-${m[1] ?? m[2] ?? ''}`);

/**
 * References found in a library's free-text reference list: CAPEC and CWE ids (from their
 * MITRE links or written as CAPEC-n / CWE-n), CVE ids as notes, and the other links as urls
 * (owasp.org ones as owasp), in that order, without repeats.
 */
export function referencesInText(text: string): Reference[] {
  const urls = [...text.matchAll(URL)].map((m) => m[0].replace(/[.]+$/, '')).filter((u) => !MITRE_DEFINITION.test(u));
  const all: Reference[] = [
    ...idsOf(text, CAPEC, 'CAPEC').map((value) => ({ kind: 'capec' as const, value })),
    ...idsOf(text, CWE, 'CWE').map((value) => ({ kind: 'cwe' as const, value })),
    ...[...text.matchAll(CVE)].map((m) => ({ kind: 'note' as const, value: m[0].toUpperCase() })),
    ...urls.map((value) => ({ kind: /owasp\.org/i.test(value) ? ('owasp' as const) : ('url' as const), value })),
  ];
  return uniqueReferences(all);
}

export function uniqueReferences(references: readonly Reference[]): Reference[] {
  const seen = new Set<string>();
  return references.filter((r) => {
    const key = `${r.kind} ${r.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The knowledge base keeps at most 50 references a template; the source's own id comes first. */
export const MAX_REFERENCES = 50;
