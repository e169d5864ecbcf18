import { z } from 'zod';

// CWE ids as the app keeps them ("CWE-79"), and how the tools' spellings become that: CodeQL
// tags "external/cwe/cwe-079", Semgrep "CWE-79: Improper Neutralization…", ZAP and others a
// bare "79" in a CWE taxonomy.

export const CweId = z
  .string()
  .trim()
  .transform((v) => normalizeCwe(v) ?? v)
  .pipe(z.string().regex(/^CWE-[1-9][0-9]{0,5}$/, 'A CWE looks like CWE-79'));
export type CweId = z.infer<typeof CweId>;

/** A threat names at most this many CWE ids by hand. */
export const THREAT_CWE_MAX = 20;

/** "CWE-079", "cwe-79", "external/cwe/cwe-079", "CWE-79: Improper…", "79" -> "CWE-79"; else undefined. */
export function normalizeCwe(text: string): string | undefined {
  const match =
    /(?:^|[^a-z])cwe[-_/ ]?0*([1-9][0-9]{0,5})(?![0-9])/i.exec(text) ?? /^\s*0*([1-9][0-9]{0,5})\s*$/.exec(text);
  return match ? `CWE-${match[1]}` : undefined;
}
