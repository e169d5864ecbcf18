/** A page of a long list: which rows it shows, and where it sits among the pages. */
export interface PageOf<T> {
  rows: T[];
  /** 0-based index of the page shown; clamped into range when the list shrinks. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 for an empty list). */
  first: number;
  last: number;
  total: number;
}

/**
 * Slices `rows` to one page. The page asked for is clamped, so a list that shrank under a
 * person (a filter, a refresh) shows its last page rather than nothing.
 */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): PageOf<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = Math.min(Math.max(0, page), pageCount - 1);
  const start = shown * pageSize;
  const slice = rows.slice(start, start + pageSize);
  return {
    rows: slice,
    page: shown,
    pageCount,
    first: slice.length === 0 ? 0 : start + 1,
    last: start + slice.length,
    total: rows.length,
  };
}

/** The page on which the row at `index` (0-based) sits. */
export const pageOfIndex = (index: number, pageSize: number): number => Math.floor(Math.max(0, index) / pageSize);
