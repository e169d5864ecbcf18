import { severityOf, type Severity } from '../threat-model/severity';
import type { Threat } from '../threat-model/threat';

/** Threats a picker of the audit's fixes offers at once: a short list, the person types to narrow it. */
export const THREAT_CHOICES = 20;

/**
 * The active threats a person may link, for what they typed: an id ("T-12", "t12", "12" and the
 * ids it starts) or part of the title, in any case; nothing typed: the most severe. Exact id
 * first, then the most severe, then by id; at most `limit`.
 */
export function threatChoices(
  threats: readonly Threat[],
  query: string,
  limit = THREAT_CHOICES,
): Array<{ id: string; title: string; severity: Severity }> {
  const q = query.trim().toLowerCase();
  const id = /^(?:t-?)?([1-9][0-9]*)$/.exec(q)?.[1];
  const exact = id === undefined ? undefined : `T-${id}`;
  const matches = (t: Threat) =>
    !q || (exact !== undefined && t.id.startsWith(exact)) || t.title.toLowerCase().includes(q);
  return threats
    .filter((t) => t.state === 'active' && matches(t))
    .map((t) => ({ id: t.id, title: t.title, severity: severityOf(t) }))
    .sort(
      (a, b) =>
        Number(b.id === exact) - Number(a.id === exact) ||
        b.severity.score - a.severity.score ||
        a.id.localeCompare(b.id, 'en', { numeric: true }),
    )
    .slice(0, limit);
}
