import type { ThreatListRow } from '../../../../src/contract';
import { threatNumber } from '../../../../src/domain/threat-model/threat';

export type SortKey = 'id' | 'title' | 'severity' | 'residual' | 'component' | 'stories' | 'state';
export type SortOrder = 'ASC' | 'DESC';
export interface TableSort {
  key: SortKey;
  order: SortOrder;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'accent' });

const COMPARE: Record<SortKey, (a: ThreatListRow, b: ThreatListRow) => number> = {
  id: (a, b) => threatNumber(a.id) - threatNumber(b.id),
  title: (a, b) => collator.compare(a.title, b.title),
  severity: (a, b) => a.severity.score - b.severity.score,
  residual: (a, b) => a.risk.residual - b.risk.residual,
  component: (a, b) => collator.compare(a.component, b.component),
  // Threats not counted yet sort first, as if they had fewer stories than any counted one.
  stories: (a, b) => (a.storyCount ?? -1) - (b.storyCount ?? -1),
  state: (a, b) => a.state.localeCompare(b.state),
};

/** The rows in the asked order; rows that compare equal stay in id order either way. */
export function sortThreats(rows: readonly ThreatListRow[], sort: TableSort): ThreatListRow[] {
  const direction = sort.order === 'ASC' ? 1 : -1;
  return [...rows].sort((a, b) => direction * COMPARE[sort.key](a, b) || COMPARE.id(a, b));
}

/** Clicking the column sorted by turns its order round; another column sorts ascending. */
export const nextSort = (current: TableSort, key: SortKey): TableSort =>
  current.key === key ? { key, order: current.order === 'ASC' ? 'DESC' : 'ASC' } : { key, order: 'ASC' };
