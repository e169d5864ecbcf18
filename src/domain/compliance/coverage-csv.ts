import { csvField } from '../audit/csv-report';
import { ASVS_ATTRIBUTION } from './asvs-catalogue';
import type { AsvsCoverage, RequirementCoverage } from './asvs-coverage';

export const COVERAGE_CSV_COLUMNS = [
  'standard',
  'requirement',
  'level',
  'chapter',
  'section',
  'status',
  'mitigations',
  'tasks',
  'threats',
  'stories',
  'evidence',
  'text',
] as const;

function row(c: AsvsCoverage, r: RequirementCoverage): string[] {
  return [
    `ASVS ${c.version}`,
    r.id,
    String(r.level),
    r.chapter,
    r.section,
    r.status,
    r.mitigations.map((m) => `${m.id} ${m.title} (${m.status})`).join('; ') +
      (r.mitigationCount > r.mitigations.length ? `; and ${r.mitigationCount - r.mitigations.length} more` : ''),
    r.mitigations
      .filter((m) => m.task)
      .map((m) => `${m.task!.key} (${m.task!.statusName})`)
      .join('; '),
    r.threats.map((t) => t.id).join(' '),
    r.stories.join(' ') + (r.storyCount > r.stories.length ? ` and ${r.storyCount - r.stories.length} more` : ''),
    r.evidence?.summary ?? '',
    r.text,
  ];
}

/**
 * One CRLF-terminated record per requirement after the header (RFC 4180, with the audit's
 * formula guard: titles come from Jira), then the ASVS attribution the license asks for.
 */
export function coverageCsv(coverage: AsvsCoverage): string {
  const lines = [[...COVERAGE_CSV_COLUMNS], ...coverage.requirements.map((r) => row(coverage, r))];
  const attribution = [`# ${ASVS_ATTRIBUTION}`];
  return [...lines, attribution].map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}
