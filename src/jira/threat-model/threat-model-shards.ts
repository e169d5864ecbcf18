import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { Mitigation } from '../../domain/mitigation/mitigation';
import type { Threat } from '../../domain/threat-model/threat';
import { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';

// How the threat model sits in project properties: a small meta property, and the threats
// packed into shards that each stay under Jira's 32,768-character limit for a value.

export const META_KEY = 'without.model';
export const SHARD_PREFIX = 'without.model.shard.';
export const LOCK_KEY = 'without.model.lock';
/** Below Jira's 32,768 so a shard never fails on a few characters of JSON overhead. */
export const SHARD_LIMIT = 30_000;
/** Shards are filled to here, leaving room for edits to grow a record without moving others. */
const FILL_TARGET = 25_000;

/**
 * The highest revision believed (the meta's, and those its lock book names). Past 2^53 a revision
 * + 1 is the revision itself, so the next step's lock would be this step's; 2^31 writes are
 * decades of them. A larger stored revision makes the meta unreadable: the model is read only
 * until an administrator restores or deletes it, never written from a revision that cannot move.
 */
export const MAX_REVISION = 2 ** 31;

export const MetaValue = z.object({
  v: z.literal(1),
  nextThreatNumber: z.number().int().min(1),
  nextMitigationNumber: z.number().int().min(1).default(1),
  settings: ThreatModelSettings,
  revision: z.number().int().min(0).max(MAX_REVISION),
  /** Indices of the shard properties, so a reader needs no list call. */
  shards: z.array(z.number().int().min(0)).optional(),
  /**
   * A new random id on every write of the meta by the app: a revision can come back (a meta
   * replaced or deleted starts again from what the locks name), this id does not. An edit builds
   * on the shards this instance knows only while the meta is the very one it knew (known-models.ts).
   */
  writeId: z.string().min(1).max(64).optional(),
  /**
   * Which of the revision-keyed write locks may still exist (see model-locks.ts). A value that
   * does not parse is dropped, never a reason to refuse the model: it only costs locks left over.
   */
  locks: z
    .object({
      floor: z.number().int().min(0).max(MAX_REVISION),
      marks: z.array(z.tuple([z.number().int().min(0).max(MAX_REVISION), z.number()])).max(50),
    })
    .optional()
    .catch(undefined),
});
export type MetaValue = z.infer<typeof MetaValue>;

/** What shards hold: threats (T-n) and mitigations (M-n), told apart by their ids. */
export type ModelRecord = Threat | Mitigation;

/**
 * A shard as stored. Records are JSON, deflated and base64-encoded, so that one 32 KB value
 * holds 100-200 real threats and a whole model reads in a few requests.
 */
export const ShardValue = z.object({
  v: z.literal(2),
  revision: z.number().int().min(0),
  encoding: z.literal('deflate-base64'),
  data: z.string(),
});
export type ShardValue = z.infer<typeof ShardValue>;

/**
 * The most bytes a shard's records may take inflated. The store measures a shard by its stored
 * (deflated) size, and JSON that repeats itself deflates far: without a bound a 30,000-character
 * value could inflate to hundreds of MB. Real shards inflate to well under 100 KB (the bench's
 * 5,000-threat model: 146 shards of 63-80 KB), and the packer keeps every shard it writes under this
 * bound too (fits), so a value that inflates past it was not written by this version of the app: it
 * counts as not valid, kept as it is and never written over.
 */
export const SHARD_DECODED_LIMIT = 1_048_576;

/**
 * The most entries a shard may hold. A shard is under 32,768 stored characters, so it holds a few
 * hundred real records at most; a value deflated from `[0,0,...]` can hold half a million in 1.4 KB,
 * which every step of a read (problems listed, entries kept to write back) would then multiply. A
 * shard with more is not valid: kept as it is, never written over.
 */
export const SHARD_MAX_ENTRIES = 2_000;
/**
 * The deepest a shard's JSON may nest. Real records nest a handful of levels; JSON.parse takes
 * hundreds of thousands, but JSON.stringify (writing the shard back) and every walk of the value
 * overflow the stack on them. A deeper shard is not valid: kept as it is, never written over.
 */
export const SHARD_MAX_DEPTH = 64;

/** Whether JSON `text` opens more than `max` arrays or objects inside one another (strings skipped). */
function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Shards encoded by this process (each a deflate of the shard's records): for tests of the work an edit costs. */
export const shardEncoding = { encoded: 0 };

export function encodeShard(records: ModelRecord[], revision: number): ShardValue {
  shardEncoding.encoded++;
  return {
    v: 2,
    revision,
    encoding: 'deflate-base64',
    data: deflateRawSync(Buffer.from(JSON.stringify(records)), { level: 9 }).toString('base64'),
  };
}

/** The shard's raw entries (each still to be parsed), or why it cannot be read. */
export function decodeShard(
  value: unknown,
): { revision: number; entries: unknown[]; decodedBytes: number } | { error: string } {
  const shard = ShardValue.safeParse(value);
  if (!shard.success) return { error: shard.error.issues[0]?.message ?? 'not a shard' };
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(Buffer.from(shard.data.data, 'base64'), { maxOutputLength: SHARD_DECODED_LIMIT });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      return { error: `the records inflate to more than ${SHARD_DECODED_LIMIT.toLocaleString('en')} bytes` };
    return { error: 'the data is not deflated JSON' };
  }
  const text = inflated.toString('utf8');
  // Checked on the text, before parsing: a walk of the parsed value would overflow the stack itself.
  if (nestsDeeperThan(text, SHARD_MAX_DEPTH))
    return { error: `the records nest more than ${SHARD_MAX_DEPTH} levels deep` };
  try {
    const entries: unknown = JSON.parse(text);
    if (!Array.isArray(entries)) return { error: 'the records are not a list' };
    if (entries.length > SHARD_MAX_ENTRIES)
      return {
        error: `it holds ${entries.length.toLocaleString('en')} entries, more than a shard can (${SHARD_MAX_ENTRIES.toLocaleString('en')})`,
      };
    return { revision: shard.data.revision, entries, decodedBytes: inflated.length };
  } catch {
    return { error: 'the data is not deflated JSON' };
  }
}

export const shardKey = (index: number) => `${SHARD_PREFIX}${index}`;
export const shardIndex = (key: string): number | undefined => {
  if (!key.startsWith(SHARD_PREFIX)) return undefined;
  const index = Number(key.slice(SHARD_PREFIX.length));
  return Number.isInteger(index) && index >= 0 ? index : undefined;
};

export interface StoredShard {
  index: number;
  revision: number;
  records: ModelRecord[];
  /**
   * Entries that failed their schema (someone wrote them through the REST API): not shown, and
   * written back byte for byte whenever the shard is rewritten, never dropped.
   */
  unreadable?: unknown[];
}

/** Whether the records fit one shard: stored within `limit` characters, and inflated within SHARD_DECODED_LIMIT. */
const fits = (records: ModelRecord[], limit: number): boolean =>
  Buffer.byteLength(JSON.stringify(records)) <= SHARD_DECODED_LIMIT &&
  JSON.stringify(encodeShard(records, 999_999)).length <= limit;

/** How many of `candidates` fit after `base` in one shard (binary search; size grows with count). */
function fitCount(base: ModelRecord[], candidates: ModelRecord[], limit: number): number {
  // Nearly always everything fits (an edit grows a record by a few characters): one encoding, not a search.
  if (candidates.length === 0 || fits([...base, ...candidates], limit)) return candidates.length;
  let low = 0;
  // Not all of them, as just found: a single newcomer that does not fit a full shard costs one encoding, not two.
  let high = candidates.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits([...base, ...candidates.slice(0, mid)], limit)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Places the model's records into shards, keeping each where it was so that an edit
 * rewrites as few shards as possible. New records go to the last shard with room; a shard
 * that outgrows the limit hands its last records on. Returns only the shards whose content
 * changed, with their revision bumped.
 */
export function packShards(previous: StoredShard[], records: ModelRecord[], reserved: number[] = []): StoredShard[] {
  const home = new Map<string, number>();
  for (const shard of previous) for (const r of shard.records) home.set(r.id, shard.index);
  const byIndex = new Map<number, ModelRecord[]>(previous.map((s) => [s.index, []]));
  // Indices of shards that could not be read are never written: that would destroy them.
  let free = Math.max(-1, ...previous.map((s) => s.index), ...reserved) + 1;
  let last = previous.length > 0 ? Math.max(...previous.map((s) => s.index)) : free++;
  if (!byIndex.has(last)) byIndex.set(last, []);
  const newcomers: ModelRecord[] = [];
  for (const record of records) {
    const index = home.get(record.id);
    if (index === undefined) newcomers.push(record);
    else byIndex.get(index)!.push(record);
  }
  // A shard holding the very records it was read with (an edit replaces the records it changes)
  // is neither measured nor compared nor written: an edit costs the shards it touches, not the model.
  const before = new Map(previous.map((s) => [s.index, s]));
  const untouched = (index: number, list: ModelRecord[]): boolean => {
    const old = before.get(index)?.records;
    if (!old || old.length !== list.length) return false;
    // Nearly always in the order they were read: compared in place, a set only when not.
    if (list.every((r, i) => r === old[i])) return true;
    const held = new Set<ModelRecord>(old);
    return list.every((r) => held.has(r));
  };
  const overflow: ModelRecord[] = [];
  for (const [index, list] of byIndex) {
    if (untouched(index, list)) continue;
    const keep = Math.max(1, fitCount([], list, SHARD_LIMIT));
    for (const record of list.slice(keep)) overflow.push(record); // a loop: a spread of a long list overflows the stack
    byIndex.set(index, list.slice(0, keep));
  }
  let queue = [...overflow, ...newcomers];
  while (queue.length > 0) {
    const target = byIndex.get(last)!;
    const fits = fitCount(target, queue, FILL_TARGET);
    if (fits === 0 && target.length > 0) {
      byIndex.set((last = free++), []);
      continue;
    }
    const take = Math.max(fits, 1);
    byIndex.set(last, [...target, ...queue.slice(0, take)]);
    queue = queue.slice(take);
  }
  const changed: StoredShard[] = [];
  for (const [index, list] of byIndex) {
    if (untouched(index, list)) continue;
    const old = before.get(index);
    if (old && JSON.stringify(old.records) === JSON.stringify(list)) continue;
    if (!old && list.length === 0) continue;
    changed.push({ index, revision: (old?.revision ?? 0) + 1, records: list });
  }
  return changed.sort((a, b) => a.index - b.index);
}
