import type { CoverageStatus, RequirementCoverage } from '../../../../src/contract';

/** Requirements shown per page: 345 rows at once would be a long scroll and a slow render. */
export const PAGE_SIZE = 50;

export interface CoverageFilters {
  status: CoverageStatus | 'all';
  /** Words or an id (V6.3) matched against the id, chapter, section, text and mitigation titles. */
  text: string;
}

export const NO_COVERAGE_FILTERS: CoverageFilters = { status: 'all', text: '' };

function matchesText(r: RequirementCoverage, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [r.id, r.chapter, r.section, r.text, ...r.mitigations.map((m) => `${m.id} ${m.title}`)]
    .join(' ')
    .toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

export const filterRequirements = (all: RequirementCoverage[], filters: CoverageFilters): RequirementCoverage[] =>
  all.filter((r) => (filters.status === 'all' || r.status === filters.status) && matchesText(r, filters.text));

/** One page of rows (0-based), and how many pages there are. */
export function pageOf<T>(rows: T[], page: number): { rows: T[]; pages: number; page: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE), pages, page: current };
}
