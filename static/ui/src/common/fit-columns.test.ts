import { fitColumns } from './fit-columns';

const COLUMNS = [
  { key: 'id', minWidth: 50, priority: 0 },
  { key: 'title', minWidth: 200, priority: 0 },
  { key: 'severity', minWidth: 100, priority: 1 },
  { key: 'component', minWidth: 120, priority: 3 },
  { key: 'state', minWidth: 80, priority: 2 },
];

describe('fitColumns', () => {
  it('shows every column when they all fit', () => {
    expect(fitColumns(COLUMNS, 550).hidden).toEqual([]);
  });

  it('moves the least needed columns into the details first, keeping the order of the rest', () => {
    const { shown, hidden } = fitColumns(COLUMNS, 449, 16);
    expect([...COLUMNS.map((c) => c.key)].filter((k) => shown.has(k))).toEqual(['id', 'title', 'severity', 'state']);
    expect(hidden).toEqual(['component']);
  });

  it('always keeps the columns of priority 0, however narrow', () => {
    expect(fitColumns(COLUMNS, 100).hidden).toEqual(['severity', 'component', 'state']);
  });
});
