import { ShardValue } from './threat-model-shards';

// What this instance knows a large model's shards to be at one meta: every shard value the last
// read found (or the last write of this instance left), by key. An edit reads only the meta, its
// locks and the shards it may write (see threat-model-repository.ts, readForEdit), and takes the
// others from here: reading and parsing a 5,000-threat model's 2.6 MB answer was most of what an
// edit cost at that size, and it grows with the model.
//
// Why the values are still the model's, as far as the app's own writers go: every writer of the
// app writes shards under the lock of the step from the meta's revision, then writes the meta with
// a new write id (MetaValue.writeId); a lock under which anything was written is never deleted,
// and a turn that takes over a lock whose holder gave out moves the meta even when it writes
// nothing (ModelTurn.moveMeta). So an edit that finds the very meta it knew (revision and write id)
// and creates that step's lock itself (201, not taken over: a takeover reads the whole model again
// under the lock) knows no writer of the app wrote a shard since.
//
// What it does not see is a shard someone rewrote through Jira's REST API without touching the
// meta (a project administrator can). It never writes over such a value: any shard it would write
// and did not read in this call is read under the lock and compared with the value kept here first,
// and a difference refuses the edit with nothing written. But what it decides from the shards it
// did not read rests on the values kept here, as a whole read's decisions rest on what it read a
// moment before: the next id (a record added by hand with the next id would be stored twice), the
// check that an addressed threat exists and is not retired, the answer shown (a story linked by
// an accepted suggestion, the edited record's neighbours). The window is since this instance last
// read every shard (at most KNOWN_MODEL_MAX_AGE_MS) instead of the call's own few hundred
// milliseconds. Views, the audit and
// the repair of an unreadable part read the whole model every time, and show such a change at once.
//
// Only models of at least PARTIAL_READ_MIN_SHARDS shards are kept: below that, reading the whole
// model costs about what an edit's own work does, and one request always does it.
//
// A warm Forge instance may serve several installations: entries are kept by site and project, and
// none without the site (a process that cannot tell installations apart keeps nothing here).
//
// Memory: the values are mostly the strings the decodings of decoded-shards.ts hold, but a shard
// written or a decoding evicted makes them strings of their own, so MAX_KNOWN_CHARS adds to that
// module's bound rather than sharing it.

/** The shards a model must have before an edit reads only part of it. */
export const PARTIAL_READ_MIN_SHARDS = 16;

/**
 * How long after this instance last read every shard an edit still takes the ones it does not
 * read from here. The app's own writers cannot go unseen (see above), but a shard rewritten through
 * the REST API can; this bounds how old what an edit decides from may be, at the cost of one whole
 * read every ten minutes of edits on a busy instance.
 */
export const KNOWN_MODEL_MAX_AGE_MS = 10 * 60_000;

/** The most characters of stored values kept, over every project. */
const MAX_KNOWN_CHARS = 24_000_000;

export interface KnownModel {
  /** The meta's revision these values are the shards of. */
  revision: number;
  /** The meta's write id (MetaValue.writeId): the same revision written again is another meta. */
  writeId: string;
  /** Every shard key the read found or the meta listed, with its value as read (undefined: listed, not stored). */
  values: Map<string, unknown>;
  /** For each readable, ordered shard, the range of its threats' and mitigations' id numbers (to find a record's shard). */
  ranges: Map<string, ShardRanges>;
  /** The index of the last readable shard (where new records go), when any. */
  lastShard: number | undefined;
  /** When this instance last read every shard (Date.now()): past KNOWN_MODEL_MAX_AGE_MS, an edit reads them all again. */
  wholeReadAt: number;
  chars: number;
}

export interface ShardRanges {
  threat: [number, number] | undefined;
  mitigation: [number, number] | undefined;
}

const known = new Map<string, KnownModel>();
let held = 0;

const idOf = (site: string | undefined, projectKey: string) => `${site ?? ''}\u0000${projectKey}`;

/** What this instance knows of the model, when it read every shard less than KNOWN_MODEL_MAX_AGE_MS before `now`. */
export function knownModel(site: string | undefined, projectKey: string, now: number): KnownModel | undefined {
  const entry = site === undefined ? undefined : known.get(idOf(site, projectKey));
  return entry && now - entry.wholeReadAt <= KNOWN_MODEL_MAX_AGE_MS ? entry : undefined;
}

export function forgetKnownModel(site: string | undefined, projectKey: string): void {
  const id = idOf(site, projectKey);
  const entry = known.get(id);
  if (!entry) return;
  known.delete(id);
  held -= entry.chars;
}

/**
 * Keeps what a read found, or what a write left, at that meta (a small model, or a meta with no
 * write id, is forgotten instead). Nothing is kept without the site: a process that cannot tell
 * installations apart must not hand one site's shards to another.
 */
export function rememberKnownModel(
  site: string | undefined,
  projectKey: string,
  meta: { revision: number; writeId?: string | undefined },
  shards: Pick<KnownModel, 'values' | 'ranges' | 'lastShard' | 'wholeReadAt'>,
): void {
  forgetKnownModel(site, projectKey);
  if (site === undefined || meta.writeId === undefined || shards.values.size < PARTIAL_READ_MIN_SHARDS) return;
  let chars = 0;
  for (const value of shards.values.values()) chars += charsOf(value);
  if (chars > MAX_KNOWN_CHARS) return;
  known.set(idOf(site, projectKey), { revision: meta.revision, writeId: meta.writeId, ...shards, chars });
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
