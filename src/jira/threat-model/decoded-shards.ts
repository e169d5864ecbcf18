import type { Mitigation } from '../../domain/mitigation/mitigation';
import type { Threat } from '../../domain/threat-model/threat';
import { ShardValue, type StoredShard } from './threat-model-shards';

// Decoding a shard (inflate, JSON, a schema check of every record) is most of the CPU a model
// read costs: about 1 ms a shard, 100 ms for a 5,000-threat model. Every edit and view reads the
// whole model, and between two reads only the shards an edit touched have changed. So a shard is
// decoded once per exact stored value and its decoding reused, with its records split by kind
// (ShardSplit) so a read joins lists instead of looking at every record: the work of an edit
// follows what it touches, not the model's size (beyond reading the model's answer itself).
//
// Trust: a decoding is reused only for the shard's whole stored value (revision and data,
// character for character), so a reuse is the decoding that value would get again: every record
// shown or written was schema-checked, and entries that failed are kept as they were read. Values
// that are not shards are never remembered. A warm Forge instance may serve several
// installations: entries are kept by the client's site, so nothing decoded for one site serves
// another, and by project (every project's shards have the same property names), so two projects
// of one site do not take each other's place. Records are never changed in place (edits make new
// ones), so sharing them is safe.

export interface DecodedShard {
  shard: StoredShard | undefined;
  problems: string[];
  /** The shard's threats and mitigations apart, with their id numbers' range (see ShardSplit). */
  split?: ShardSplit;
  /** Bytes of JSON the stored value inflated to: what holding the decoding costs, counted toward the bound. */
  decodedBytes?: number;
  /**
   * The stored value this is the decoding of, as kept here: passed again (known-models.ts keeps
   * it), it is recognised by identity, with no comparison of its characters.
   */
  value?: unknown;
}

/**
 * A shard's records split by kind, once per decoding: a read joins these lists instead of looking
 * at every record again (threat-model-repository.ts, assemble). Never changed once made.
 */
export interface ShardSplit {
  threats: Threat[];
  mitigations: Mitigation[];
  /** Each list's id numbers rise strictly (no id twice); the first and last of each, when any. */
  ordered: boolean;
  threatRange?: [number, number];
  mitigationRange?: [number, number];
}

/**
 * What the remembered decodings may hold at most: the stored characters (kept to compare) plus the
 * bytes of JSON they inflated to (the records' own size, which a value that deflates far makes
 * much larger than what is stored). The bench's 5,000-threat model takes about 14 million (2.6 stored,
 * 11 inflated), so a few large models of one instance stay decoded.
 */
export const MAX_HELD = 48_000_000;
/**
 * By site, project and property key, the last value decoded there: a read compares its value with
 * it (a string comparison, no hashing of 30 KB keys), and a shard rewritten replaces its entry.
 */
const remembered = new Map<
  string,
  { revision: number; data: string; value: unknown; decoded: DecodedShard; held: number }
>();
let held = 0;

/** How many shards this process decoded and reused: for tests of the work an edit costs. */
export const shardDecoding = { decoded: 0, reused: 0 };

/** The decoding of `value` (the stored value of property `key`), reused while that property's value stays exactly this on this site. */
export function decodedShard(
  site: string | undefined,
  projectKey: string,
  key: string,
  value: unknown,
  decode: () => DecodedShard,
): DecodedShard {
  const id = `${site ?? ''}\u0000${projectKey}\u0000${key}`;
  const known = remembered.get(id);
  // The very value object decoded before (values read are never changed in place): no comparison.
  if (known !== undefined && known.value === value && value !== undefined) {
    remembered.delete(id);
    remembered.set(id, known);
    shardDecoding.reused++;
    return copy(known.decoded);
  }
  const shard = ShardValue.safeParse(value);
  if (!shard.success) return count(decode());
  const { revision, data } = shard.data;
  // Most recently used last: the oldest decodings go first when the bound is reached.
  if (known) {
    remembered.delete(id);
    held -= known.held;
  }
  const reuse = known !== undefined && known.revision === revision && known.data === data;
  const decoded = reuse ? copy(known.decoded) : { ...count(decode()), value };
  if (reuse) shardDecoding.reused++;
  // The problems' text is held too (a few a shard, see readShard); kept raw entries are within the inflated bytes.
  const size = data.length + (decoded.decodedBytes ?? 0) + decoded.problems.reduce((sum, p) => sum + p.length, 0);
  // A decoding larger than the whole bound is handed out, never kept (it would evict everything).
  if (size <= MAX_HELD) {
    // On a reuse the string already held is kept, not the equal one just read: this read's copy
    // (25 KB a shard, 2.6 MB at 5,000 threats) is then garbage at once, which the young generation
    // drops for nothing, instead of surviving in the cache to be copied out of it and freed later
    // by a full collection, on every read of every shard.
    const kept = reuse ? known : { revision, data, value, decoded: { ...copy(decoded), value } };
    remembered.set(id, {
      revision: kept.revision,
      data: kept.data,
      value: kept.value,
      decoded: kept.decoded,
      held: size,
    });
    held += size;
  }
  for (const [oldest, entry] of remembered) {
    if (held <= MAX_HELD) break;
    remembered.delete(oldest);
    held -= entry.held;
  }
  return decoded;
}

/** What the remembered decodings hold now (see MAX_HELD): for tests. */
export const heldByDecodings = (): number => held;

const count = (decoded: DecodedShard): DecodedShard => {
  shardDecoding.decoded++;
  return decoded;
};

/**
 * Fresh lists around the same records: a caller may build on the lists it gets, never on what
 * another call got. The records themselves are never changed in place (edits make new ones).
 */
const copy = ({ shard, problems, split, decodedBytes, value }: DecodedShard): DecodedShard => ({
  shard: shard && {
    ...shard,
    records: [...shard.records],
    ...(shard.unreadable ? { unreadable: [...shard.unreadable] } : {}),
  },
  problems: [...problems],
  ...(split ? { split } : {}),
  ...(decodedBytes !== undefined ? { decodedBytes } : {}),
  value,
});
