import type { AsvsCatalogue, AsvsLevel, AsvsRequirement, AsvsStandard } from './asvs-catalogue';

// Makes the shipped catalogue from OWASP's flat JSON exports (5.0.0: "L" is the level a
// requirement starts at; 4.0.3: "level1".."level3" hold a mark, "✓" or a qualifier such as
// "OS assisted", where it applies, and "cwe"/"nist" its mappings). Run by
// test/support/asvs-regenerate.ts; asvs-catalogue.test.ts compares its answer with the shipped file.

interface FlatRow {
  chapter_id: string;
  chapter_name: string;
  section_id: string;
  section_name: string;
  req_id: string;
  req_description: string;
  L?: string;
  level1?: string;
  level2?: string;
  level3?: string;
  cwe?: string;
  nist?: string;
}

const LEVELS: AsvsLevel[] = [1, 2, 3];
const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/\s*[,;/]\s*/)
    .map((v) => v.trim())
    .filter(Boolean);

function fromV5(row: FlatRow): AsvsRequirement {
  const from = Number(row.L);
  return {
    id: row.req_id,
    chapter: `${row.chapter_id} ${row.chapter_name}`,
    section: `${row.section_id} ${row.section_name}`,
    text: row.req_description,
    levels: LEVELS.filter((l) => l >= from),
  };
}

function fromV4(row: FlatRow): AsvsRequirement {
  const marks = [row.level1, row.level2, row.level3].map((m) => (m ?? '').trim());
  const levels = LEVELS.filter((l) => marks[l - 1] !== '');
  const notes = Object.fromEntries(levels.filter((l) => marks[l - 1] !== '✓').map((l) => [String(l), marks[l - 1]!]));
  return {
    id: row.req_id,
    chapter: `${row.chapter_id} ${row.chapter_name}`,
    section: `${row.section_id} ${row.section_name}`,
    text: row.req_description,
    levels,
    ...(Object.keys(notes).length > 0 ? { levelNotes: notes } : {}),
    cwe: list(row.cwe).map((c) => `CWE-${c}`),
    nist: list(row.nist),
  };
}

/** The catalogue of one standard from OWASP's flat export ({ requirements: [...] }). */
export function trimAsvs(standard: AsvsStandard, flat: { requirements: FlatRow[] }): AsvsCatalogue {
  const v5 = standard === 'asvs-5.0';
  return {
    standard,
    version: v5 ? '5.0.0' : '4.0.3',
    title: `OWASP Application Security Verification Standard ${v5 ? '5.0.0' : '4.0.3'}`,
    source: `https://github.com/OWASP/ASVS (asvs-${v5 ? '5.0.0' : '4.0.3'}-en.flat.json)`,
    license: 'CC BY-SA 4.0',
    requirements: flat.requirements.map(v5 ? fromV5 : fromV4),
  };
}
