import { createHash } from 'node:crypto';
import type { ModelPart } from '../../contract';
import {
  ENTRY_CONSEQUENCE,
  SHARD_CONSEQUENCE,
  entryName,
  metaConsequence,
  metaRemovalRefusal,
} from '../../domain/audit/model-part-removal';
import { getProjectProperties } from '../../jira/client/entity-properties';
import type { JiraClient } from '../../jira/client/jira-client';
import type { StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import { META_KEY, shardKey } from '../../jira/threat-model/threat-model-shards';

/** A part of the model the app cannot read, with its raw value as stored. */
export interface FoundPart {
  part: ModelPart;
  property: string;
  name: string;
  raw: unknown;
  consequence: string;
  refusal: string | null;
}

/** The raw value as JSON, as Jira stores it (a property that is gone reads as null). */
export const rawJson = (raw: unknown): string => (raw === undefined ? 'null' : JSON.stringify(raw));

/** Names the very value the person was shown: the removal sends it back, and a value changed since is refused. */
export const rawDigest = (raw: unknown): string => createHash('sha256').update(rawJson(raw)).digest('hex');

/**
 * The raw values the model's read does not keep: the meta when it cannot be read, and the shards
 * that cannot be read. One request as the app (the caller checked the person), none when neither.
 */
export function rawUnreadableValues(
  app: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
): Promise<Record<string, unknown>> {
  const keys = [...(stored.metaUnreadable ? [META_KEY] : []), ...stored.unreadable.map(shardKey)];
  return getProjectProperties(app, projectKey, keys);
}

/** Every unreadable part, in the order the fix lists them: the meta, whole shards, then entries of readable shards. */
export function unreadableParts(stored: StoredThreatModel, raw: Record<string, unknown>): FoundPart[] {
  const parts: FoundPart[] = [];
  const shardKeys = stored.unreadable.map(shardKey);
  if (stored.metaUnreadable) {
    const next = { threat: stored.model.nextThreatNumber, mitigation: stored.model.nextMitigationNumber };
    parts.push({
      part: { kind: 'meta' },
      property: META_KEY,
      name: `The threat model’s settings and id counters (${META_KEY})`,
      raw: raw[META_KEY],
      consequence: metaConsequence(next.threat, next.mitigation),
      refusal: metaRemovalRefusal(raw[META_KEY], shardKeys, next) ?? null,
    });
  }
  for (const index of stored.unreadable) {
    const property = shardKey(index);
    parts.push({
      part: { kind: 'shard', shard: index },
      property,
      name: property in raw ? `Shard ${property}` : `Shard ${property} (missing, but the settings list it)`,
      raw: raw[property],
      consequence: SHARD_CONSEQUENCE,
      refusal: null,
    });
  }
  for (const shard of stored.shards) {
    const property = shardKey(shard.index);
    (shard.unreadable ?? []).forEach((entry, i) =>
      parts.push({
        part: { kind: 'entry', shard: shard.index, entry: i },
        property,
        name: entryName(entry, i, property),
        raw: entry,
        consequence: ENTRY_CONSEQUENCE,
        // The shard is written again as the app, under the model's lock, which needs readable settings.
        refusal: stored.metaUnreadable
          ? `The threat model’s settings cannot be read, so the app cannot write ${property} again: deal with the settings first.`
          : null,
      }),
    );
  }
  return parts;
}

/** Whether two parts are the same one. */
export const samePart = (a: ModelPart, b: ModelPart): boolean =>
  a.kind === b.kind &&
  (a.kind === 'meta' || a.shard === (b as typeof a).shard) &&
  (a.kind !== 'entry' || a.entry === (b as typeof a).entry);
