/** A table column that may move into a row's details when the table is too narrow for it. */
export interface FlexColumn<K extends string = string> {
  key: K;
  /** The width it needs to read well, in CSS pixels, padding included. */
  minWidth: number;
  /** Lower comes first; the columns with the highest are the first to move into the details. */
  priority: number;
}

/**
 * Which columns fit `available` pixels: every column when all fit; else the most important ones
 * that fit together with `detailsWidth` for the toggle that opens the rest. The columns keep their
 * order; those with priority 0 always stay.
 */
export function fitColumns<K extends string>(
  columns: ReadonlyArray<FlexColumn<K>>,
  available: number,
  detailsWidth = 0,
): { shown: ReadonlySet<K>; hidden: K[] } {
  const total = columns.reduce((sum, c) => sum + c.minWidth, 0);
  if (total <= available) return { shown: new Set(columns.map((c) => c.key)), hidden: [] };
  const shown = new Set<K>();
  let used = detailsWidth;
  for (const column of [...columns].sort((a, b) => a.priority - b.priority)) {
    if (column.priority === 0 || used + column.minWidth <= available) {
      shown.add(column.key);
      used += column.minWidth;
    }
  }
  return { shown, hidden: columns.filter((c) => !shown.has(c.key)).map((c) => c.key) };
}
