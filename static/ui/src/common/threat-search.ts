import { STRIDE, STRIDE_NAMES } from '../../../../src/domain/threat-model/stride';
import { threatNumber } from '../../../../src/domain/threat-model/threat';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';

/** What a search reads of a threat: a full threat or a row of the threat model's index. */
type Searchable = Pick<ThreatView, 'id' | 'title' | 'stride'>;

/**
 * Threats matching what a person typed: a threat id ("T-2", "t2", "2"), words of the title,
 * a STRIDE letter ("S") or name ("spoof"). Exact id first, then by id.
 */
export function searchThreats<T extends Searchable>(threats: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...threats].sort(byId);
  const exactId = idOf(q);
  return threats
    .filter((threat) => matches(threat, q, exactId))
    .sort((a, b) => Number(b.id === exactId) - Number(a.id === exactId) || byId(a, b));
}

function matches(threat: Searchable, q: string, exactId: string | undefined): boolean {
  if (exactId && threat.id.startsWith(exactId)) return true;
  // One letter would match most titles; alone it means a STRIDE category.
  if (q.length === 1) return threat.stride.some((category) => category.toLowerCase() === q);
  if (threat.title.toLowerCase().includes(q)) return true;
  return threat.stride.some((category) => STRIDE_NAMES[category].toLowerCase().includes(q));
}

function idOf(q: string): string | undefined {
  const match = /^(?:t-?)?([1-9][0-9]*)$/.exec(q);
  return match ? `T-${match[1]}` : undefined;
}

const byId = (a: Searchable, b: Searchable) => threatNumber(a.id) - threatNumber(b.id);

export const strideLetters = (threat: Searchable): string =>
  STRIDE.filter((category) => threat.stride.includes(category)).join('');
