import { z } from 'zod';

// The OWASP Application Security Verification Standard as the app ships it: a trimmed copy of
// OWASP's flat JSON exports (ids, chapter and section names, the text, the levels; CWE and NIST
// for 4.0.3), licensed CC BY-SA 4.0 (asvs/ATTRIBUTION.md). asvs-trim.ts makes it from OWASP's
// files; asvs-catalogue.test.ts checks the shipped copy still matches them.

export const ASVS_STANDARDS = ['asvs-5.0', 'asvs-4.0.3'] as const;
export const AsvsStandard = z.enum(ASVS_STANDARDS);
export type AsvsStandard = z.infer<typeof AsvsStandard>;

export const AsvsLevel = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'An ASVS level is 1, 2 or 3',
});
export type AsvsLevel = z.infer<typeof AsvsLevel>;

/** The version each standard's requirement references carry (OWASP's own "v5.0.0-1.2.5" form). */
export const ASVS_VERSIONS: Record<AsvsStandard, string> = { 'asvs-5.0': '5.0.0', 'asvs-4.0.3': '4.0.3' };

export const AsvsRequirement = z.object({
  /** As OWASP writes it in the document: V6.3.1. */
  id: z.string().regex(/^V\d+\.\d+\.\d+$/),
  chapter: z.string(),
  section: z.string(),
  text: z.string(),
  /** The levels the requirement applies at; none for a requirement OWASP deleted (4.0.3). */
  levels: z.array(AsvsLevel),
  /** 4.0.3 qualifies some levels ("OS assisted", "HSM", a session lifetime); by level. */
  levelNotes: z.record(z.string(), z.string()).optional(),
  cwe: z.array(z.string()).optional(),
  nist: z.array(z.string()).optional(),
});
export type AsvsRequirement = z.infer<typeof AsvsRequirement>;

export const AsvsCatalogue = z.object({
  standard: AsvsStandard,
  version: z.string(),
  title: z.string(),
  source: z.string(),
  license: z.string(),
  requirements: z.array(AsvsRequirement),
});
export type AsvsCatalogue = z.infer<typeof AsvsCatalogue>;

/** What the app shows and ships with the text (CC BY-SA 4.0, section 3(a)). */
export const ASVS_ATTRIBUTION =
  'OWASP Application Security Verification Standard (ASVS) by the OWASP Foundation, https://owasp.org/www-project-application-security-verification-standard/, licensed under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Text shown as published; only the fields the app needs are kept.';

/** The requirement an "asvs" reference on a threat or mitigation names: v5.0.0-6.3.1 or v4.0.3-2.1.1. */
export const AsvsReference = z
  .string()
  .trim()
  .regex(
    /^v(5\.0\.0|4\.0\.3)-\d{1,2}\.\d{1,2}\.\d{1,2}$/,
    'An ASVS reference looks like v5.0.0-6.3.1 or v4.0.3-2.1.1 (version, then chapter.section.requirement)',
  );
export type AsvsReference = z.infer<typeof AsvsReference>;

export const AsvsReferences = z
  .array(AsvsReference)
  .max(50, 'At most 50 ASVS references')
  .refine((list) => new Set(list).size === list.length, 'Each ASVS requirement can be named once');

/** The reference of a requirement of a standard: ("asvs-5.0", "V6.3.1") -> "v5.0.0-6.3.1". */
export const asvsReference = (standard: AsvsStandard, id: string): string =>
  `v${ASVS_VERSIONS[standard]}-${id.replace(/^V/, '')}`;

/** Whether a requirement applies at a level (5.0: from its level up; 4.0.3: where its column is marked). */
export const appliesAt = (requirement: AsvsRequirement, level: AsvsLevel): boolean =>
  requirement.levels.includes(level);
