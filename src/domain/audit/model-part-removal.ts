// The audit's fix for a threat model the app cannot read whole. The app never writes over what
// it cannot read on its own (DESIGN); a project administrator, shown the raw value and given a
// download of it, may remove one such part. What each removal does is said before the choice,
// and a removal that would hand out an id something may still name is refused.

/** What an unreadable entry of a shard is, in words: its id when it has one, else its place. */
export function entryName(raw: unknown, place: number, property: string): string {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && /^T-\d{1,9}$/.test(id)) return `Threat ${id} in ${property}`;
  if (typeof id === 'string' && /^M-\d{1,9}$/.test(id)) return `Mitigation ${id} in ${property}`;
  return `Entry ${place + 1} of ${property}`;
}

export const SHARD_CONSEQUENCE =
  'Removing it deletes this shard: whatever threats and mitigations it held (the app cannot read them) are gone, except in the download. Their ids are never handed out again, and stories that link them show as links to unknown threats.';

export const ENTRY_CONSEQUENCE =
  'Removing it writes the shard again without this entry: its other threats and mitigations stay exactly as they are. The id is never handed out again; stories that link it show as links to an unknown threat.';

/** What removing the meta does: the counters it leaves are those readThreatModel works out without it. */
export const metaConsequence = (nextThreat: number, nextMitigation: number): string =>
  `Removing it sets the threat model’s settings back to their defaults (who may edit the model and accept risk, the active knowledge bases, the story types and scope, status mapping) and its id counters to one past the highest id stored: the next threat is T-${nextThreat}, the next mitigation M-${nextMitigation}. The threat model can be edited again; set the settings again afterwards.`;

/** The counters a raw meta names, where they are ids to hand out (whole, from 1); whatever else it holds is not read. */
function rawCounter(raw: unknown, field: 'nextThreatNumber' | 'nextMitigationNumber'): number | undefined {
  const value = (raw as Record<string, unknown> | null)?.[field];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/**
 * Why the unreadable meta may not be removed now (undefined: it may). Without the meta the
 * counters start again one past the highest id stored, so ids that were handed out and are no
 * longer stored would be handed out again, and a story still linking one would silently link
 * the new threat: refused while a shard cannot be read (its ids are unknown), while a counter of
 * the meta cannot be read, or while the meta names a counter above what the stored ids give.
 */
export function metaRemovalRefusal(
  raw: unknown,
  unreadableShards: string[],
  next: { threat: number; mitigation: number },
): string | undefined {
  if (unreadableShards.length > 0)
    return `The threat model shards ${unreadableShards.join(', ')} cannot be read either, so the ids they hold are unknown: without these settings’ counters, the app could hand them out again. Deal with those shards first.`;
  const threat = rawCounter(raw, 'nextThreatNumber');
  const mitigation = rawCounter(raw, 'nextMitigationNumber');
  // A counter that cannot be read may be what made the meta unreadable: it may name ids handed
  // out and gone since (an entry or shard this fix removed), so the app cannot tell what is safe.
  if (threat === undefined || mitigation === undefined)
    return 'These settings’ id counters cannot be read, so the app cannot tell which ids were handed out: removing the settings could hand an id out again, and a story still linking it would silently link the new threat. A Jira administrator can restore the property with valid settings through Jira’s REST API (the download is its value now).';
  const above: string[] = [];
  if (threat > next.threat) above.push(`the next threat is T-${threat}`);
  if (mitigation > next.mitigation) above.push(`the next mitigation is M-${mitigation}`);
  if (above.length === 0) return undefined;
  return `These settings say ${above.join(' and ')}, above the highest ids stored: ids below those were handed out and are gone, and stories may still link them. Removing the settings would hand those ids out again, so the app will not; a Jira administrator can restore the property with valid settings through Jira’s REST API (the download is its value now).`;
}
