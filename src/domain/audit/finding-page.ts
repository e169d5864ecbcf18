import { z } from 'zod';
import type { AuditResult } from './audit-result';
import type { Finding } from './finding';
import { FINDING_KINDS, FINDING_SEVERITIES } from './finding-kinds';

// The Audit tab shows one page of findings: a 5,000-threat project's result holds about as many
// findings (some 2.5 MB as JSON), more than an answer should carry (1 MB) and more rows than a
// person reads. The backend filters and pages the stored result; the browser asks for the page.

/** Findings a page shows, as the threat table's pager does. */
export const FINDINGS_PAGE = 50;

/** The tab's filters; each absent field filters nothing. */
export const AuditFilters = z.object({
  severity: z.enum([...FINDING_SEVERITIES, 'all']).default('all'),
  kind: z.enum([...FINDING_KINDS, 'all']).default('all'),
  /** Part of the message or of the finding's id (which names its stories, threats, tasks). */
  text: z.string().max(200).default(''),
  /** Absent: suppressed findings too (a call that names no filter sees everything). */
  showSuppressed: z.boolean().default(true),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

/** What the tab shows at first: every severity and kind, suppressed findings hidden. */
export const NO_FILTERS: AuditFilters = { severity: 'all', kind: 'all', text: '', showSuppressed: false };

/** Which findings to answer: the filters and the page (from 0; past the last, the last). */
export const FindingsQuery = z.object({
  filters: AuditFilters.optional(),
  page: z.number().int().min(0).max(100_000).default(0),
});
export type FindingsQuery = z.input<typeof FindingsQuery>;

/** The findings the filters keep: they combine; text matches the message and the id, in any case. */
export function filterFindings(findings: readonly Finding[], filters: AuditFilters): Finding[] {
  const text = filters.text.trim().toLowerCase();
  return findings.filter(
    (f) =>
      (filters.showSuppressed || !f.suppression) &&
      (filters.severity === 'all' || f.severity === filters.severity) &&
      (filters.kind === 'all' || f.kind === filters.kind) &&
      (!text || f.message.toLowerCase().includes(text) || f.id.toLowerCase().includes(text)),
  );
}

/** Where a page sits (the shape the UI's pager takes): 0-based page, 1-based first and last rows. */
export interface FindingsPageInfo {
  page: number;
  pageCount: number;
  first: number;
  last: number;
  /** Findings matching the filters, on every page. */
  total: number;
}

/** The last result as the tab shows it: every count and total, and one page of the findings. */
export type AuditResultPage = Omit<AuditResult, 'findings' | 'staleSuppressions'> & {
  /** The page's findings, in the result's order (most severe first). */
  findings: Finding[];
  page: FindingsPageInfo;
};

/**
 * One page of a result's findings for a query; the counts and totals stay the whole result's.
 * A page past the last answers the last, so a person on a page that shrank (a fix, a
 * suppression) still sees findings.
 */
export function findingsPage(result: AuditResult, query: FindingsQuery = {}, size = FINDINGS_PAGE): AuditResultPage {
  const { filters, page } = FindingsQuery.parse(query);
  const { findings, staleSuppressions: _stale, ...rest } = result;
  const matching = filters ? filterFindings(findings, filters) : findings;
  const pageCount = Math.max(1, Math.ceil(matching.length / size));
  const shown = Math.min(page, pageCount - 1);
  const start = shown * size;
  const rows = matching.slice(start, start + size);
  return {
    ...rest,
    findings: rows,
    page: {
      page: shown,
      pageCount,
      first: rows.length === 0 ? 0 : start + 1,
      last: start + rows.length,
      total: matching.length,
    },
  };
}

/** The threats a page's findings name, each once: what its fixes need to say (titles). */
export function threatIdsOf(findings: readonly Finding[]): Set<string> {
  const ids = new Set<string>();
  for (const f of findings) {
    f.entities.threatIds.forEach((id) => ids.add(id));
    if (f.fix.target.threatId) ids.add(f.fix.target.threatId);
  }
  return ids;
}
