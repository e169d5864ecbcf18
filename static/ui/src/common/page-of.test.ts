import { pageOf, pageOfIndex } from './page-of';

const rows = Array.from({ length: 120 }, (_, i) => i + 1);

describe('pageOf', () => {
  it('slices one page and says where it sits', () => {
    expect(pageOf(rows, 1, 50)).toEqual({
      rows: rows.slice(50, 100),
      page: 1,
      pageCount: 3,
      first: 51,
      last: 100,
      total: 120,
    });
  });

  it('shows a short last page', () => {
    const last = pageOf(rows, 2, 50);
    expect(last.rows).toEqual(rows.slice(100));
    expect([last.first, last.last]).toEqual([101, 120]);
  });

  it('clamps a page past the end (the list shrank) to the last page, and below zero to the first', () => {
    expect(pageOf(rows.slice(0, 60), 2, 50).page).toBe(1);
    expect(pageOf(rows, -3, 50).page).toBe(0);
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 4, 50)).toEqual({ rows: [], page: 0, pageCount: 1, first: 0, last: 0, total: 0 });
  });

  it('finds the page of a row', () => {
    expect([pageOfIndex(0, 50), pageOfIndex(49, 50), pageOfIndex(50, 50), pageOfIndex(-1, 50)]).toEqual([0, 0, 1, 0]);
  });
});
