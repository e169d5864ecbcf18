import { ShardValue } from './threat-model-shards';

// What this instance knows a large model's shards to be at one meta revision: every shard value
// the last whole read found (or the last write of this instance left), by key. An edit reads only
// the meta, its locks and the shards it may write (see threat-model-repository.ts, readForEdit),
// and takes the others from here: reading and parsing a 5,000-threat model's 2.6 MB answer is
// most of what an edit costs at that size, and it grows with the model.
//
// Why the values are still those of the model: every writer of the app writes shards under the
// lock of the step from the meta's revision, then moves the meta (a lock under which anything was
// written is never deleted: model-locks.ts). An edit that finds the meta still at this revision
// and creates that step's lock itself (201, not taken over: a takeover reads the whole model again
// under the lock) knows no writer of the app wrote a shard since. What it does not see is a shard
// someone rewrote through Jira's REST API without moving the meta: such a value is taken neither
// for nor against them, because the edit writes only shards it read in this call (a shard it would
// write and did not read is read and compared with the value kept here before anything is
// written; a difference refuses the edit), so nothing it writes rests on a value it did not read.
// Views and the audit read the whole model every time, and show such a change at once.
//
// Only models of at least PARTIAL_READ_MIN_SHARDS shards are kept: below that, reading the whole
// model costs no more than the lists kept here, and one request always does it.
//
// A warm Forge instance may serve several installations: entries are kept by site and project.

/** The shards a model must have before an edit reads only part of it. */
export const PARTIAL_READ_MIN_SHARDS = 16;

/** The most characters of stored values kept, over every project (the strings are those the decodings hold). */
const MAX_KNOWN_CHARS = 24_000_000;

export interface KnownModel {
  /** The meta's revision these values are the shards of. */
  revision: number;
  /** Every shard key the read found or the meta listed, with its value as read (undefined: listed, not stored). */
  values: Map<string, unknown>;
  /** For each readable shard, the range of its threats' and mitigations' id numbers (to find a record's shard). */
  ranges: Map<string, ShardRanges>;
  /** The index of the last readable shard (where new records go), when any. */
  lastShard: number | undefined;
  chars: number;
}

export interface ShardRanges {
  threat: [number, number] | undefined;
  mitigation: [number, number] | undefined;
}

const known = new Map<string, KnownModel>();
let held = 0;

const idOf = (site: string | undefined, projectKey: string) => `${site ?? ''}\u0000${projectKey}`;

export const knownModel = (site: string | undefined, projectKey: string): KnownModel | undefined =>
  known.get(idOf(site, projectKey));

export function forgetKnownModel(site: string | undefined, projectKey: string): void {
  const id = idOf(site, projectKey);
  const entry = known.get(id);
  if (!entry) return;
  known.delete(id);
  held -= entry.chars;
}

/** Keeps what a whole read found, or what a write left (a small model is forgotten instead). */
export function rememberKnownModel(
  site: string | undefined,
  projectKey: string,
  revision: number,
  values: Map<string, unknown>,
  ranges: Map<string, ShardRanges>,
  lastShard: number | undefined,
): void {
  forgetKnownModel(site, projectKey);
  if (values.size < PARTIAL_READ_MIN_SHARDS) return;
  let chars = 0;
  for (const value of values.values()) chars += charsOf(value);
  if (chars > MAX_KNOWN_CHARS) return;
  known.set(idOf(site, projectKey), { revision, values, ranges, lastShard, chars });
  held += chars;
  for (const [oldest, entry] of known) {
    if (held <= MAX_KNOWN_CHARS) break;
    known.delete(oldest);
    held -= entry.chars;
  }
}

/** Roughly what a value holds: a shard's data string, else its JSON (a value that is not a shard is small or refused). */
function charsOf(value: unknown): number {
  const data = (value as { data?: unknown } | undefined)?.data;
  if (typeof data === 'string') return data.length;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Whether two values of one property are the same value: shards by their fields (Jira need not
 * answer a value's keys in the order they were written), anything else by its JSON.
 */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const x = ShardValue.safeParse(a);
  const y = ShardValue.safeParse(b);
  if (x.success || y.success)
    return x.success && y.success && x.data.revision === y.data.revision && x.data.data === y.data.data;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/** The keys of the shards in which records with these ids are, as far as the ranges tell. */
export function shardKeysHolding(model: KnownModel, ids: string[]): string[] {
  const keys = new Set<string>();
  for (const id of ids) {
    const n = Number(id.slice(2));
    const kind = id.startsWith('T-') ? 'threat' : id.startsWith('M-') ? 'mitigation' : undefined;
    if (!kind || !Number.isInteger(n)) continue;
    for (const [key, ranges] of model.ranges) {
      const range = ranges[kind];
      if (range && range[0] <= n && n <= range[1]) keys.add(key);
    }
  }
  return [...keys];
}
