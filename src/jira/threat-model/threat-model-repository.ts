import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/common/app-error';
import { Mitigation } from '../../domain/mitigation/mitigation';
import { Threat } from '../../domain/threat-model/threat';
import { emptyThreatModel, type ThreatModel } from '../../domain/threat-model/threat-model';
import { recordTooLarge } from '../../domain/threat-model/record-size';
import type { JiraClient } from '../client/jira-client';
import { isTransient } from '../client/jira-errors';
import { storedForm, withUnknownFields } from '../client/unknown-fields';
import {
  deleteProperty,
  getProjectProperties,
  listProjectPropertyKeys,
  PROPERTIES_LIST_CHARS,
  projectEntity,
  putProperty,
  type Entity,
} from '../client/entity-properties';
import {
  DEFAULT_LEASE_WAIT_MS,
  lockIsFree,
  propertyLock,
  releaseLease,
  tryLease,
  declinedUnapplied,
  waitBeforeAgain,
  type HeldLease,
  type LockStore,
} from '../client/property-lease';
import { decodedShard, type DecodedShard, type ShardSplit } from './decoded-shards';
import {
  forgetKnownModel,
  knownModel,
  rememberKnownModel,
  sameStoredValue,
  shardKeysHolding,
  type KnownModel,
  type ShardRanges,
} from './known-models';
import { lastSeenModel, rememberModel } from './last-seen-models';
import { afterCollection, collectableLocks, lockKey, lockWindow, STALE_READ_MS, type LockBook } from './model-locks';
import {
  LOCK_KEY,
  MAX_REVISION,
  SHARD_LIMIT,
  META_KEY,
  MetaValue,
  decodeShard,
  encodeShard,
  packShards,
  shardIndex,
  shardKey,
  type ShardValue,
  type ModelRecord,
  type StoredShard,
} from './threat-model-shards';

export interface StoredThreatModel {
  model: ThreatModel;
  shards: StoredShard[];
  /** Shard indices whose stored value could not be read. */
  unreadable: number[];
  /** The shard indices the meta lists (undefined when it lists none). */
  shardIndices: number[] | undefined;
  metaRevision: number;
  /** Stored values that failed their schema: reported, and left out of the model. */
  problems: string[];
  /** Set when the meta (settings, id counters) exists but cannot be read: writes are refused. */
  metaUnreadable?: string;
  /** The raw values of the extra keys asked for that exist. */
  extra: Record<string, unknown>;
  /** Which write locks may still exist, as the meta records them (see model-locks.ts). */
  lockBook?: LockBook;
  /** When the read was sent (readModelForWrite): an attempt acts on it only while it is fresh. */
  readAt?: number;
  /** The lock keys the read asked for (readModelForWrite): one absent from `extra` is known not to exist. */
  locksRead?: string[];
  /** Every shard key with the value the model was built from (what this instance then knows: known-models.ts). */
  shardValues: Map<string, unknown>;
  /** Each readable, ordered shard's id ranges (to find the shard of a record an edit will touch). */
  ranges: Map<string, ShardRanges>;
  /** When every shard was last read from Jira (for a read in part, the known model's): see KNOWN_MODEL_MAX_AGE_MS. */
  wholeReadAt: number;
  /** A head (see headOf): the meta, locks and extra keys only; no record is in the model. */
  incomplete?: true;
  /**
   * Set when the model was built partly from values known, not read (readForEdit): the shard keys
   * this read asked Jira for. A write reads any other shard it would write first (writeModelTurn).
   */
  fresh?: Set<string>;
}

/**
 * Shard keys asked for with the meta in the first request. Unknown keys cost nothing (Jira
 * leaves them out), so a model of up to this many shards (about 6,500 threats with 13,000
 * mitigations at the bench's sizes, where 5,000 threats take 146 shards) is read in ONE request,
 * whatever its number of threats. Atlassian documents no limit on the list (GET project's
 * `properties`, a comma-separated list) nor on a URL's length; what does limit a GET is the
 * servers on the way (commonly 8 KB for the request line and headers together, e.g. Tomcat's
 * default `maxHttpHeaderSize`), so the list is held to FIRST_READ_LIST_CHARS as the URL carries it:
 * keys 0..191 come to about 4,900 characters.
 */
export const FIRST_READ_SHARDS = 192;

/**
 * The most characters the first read's `properties` value takes percent-encoded (a comma is
 * `%2C`); with the path and a project key (at most 10 characters) the URL stays under 5,000, which
 * leaves the headers (Forge's token among them) room below 8 KB. Shards that do not fit with the
 * extra keys asked for come in the second request.
 */
export const FIRST_READ_LIST_CHARS = PROPERTIES_LIST_CHARS;

/** The keys of the first request: the meta, the extra keys, then shards 0.. while the list fits. */
function firstReadKeys(extraKeys: string[]): { keys: string[]; shardKeys: string[] } {
  const encoded = (key: string) => encodeURIComponent(key).length + 3;
  let chars = [META_KEY, ...extraKeys].reduce((sum, key) => sum + encoded(key), 0);
  const shardKeys: string[] = [];
  for (let i = 0; i < FIRST_READ_SHARDS && chars + encoded(shardKey(i)) <= FIRST_READ_LIST_CHARS; i++) {
    shardKeys.push(shardKey(i));
    chars += encoded(shardKey(i));
  }
  return { keys: [META_KEY, ...extraKeys, ...shardKeys], shardKeys };
}

/** The properties a read of the model found: the meta, every shard key with its value, the extra keys asked for. */
interface ModelProperties {
  meta: unknown;
  shardKeys: string[];
  shardValues: unknown[];
  extra: Record<string, unknown>;
  /** Set when the shards not in it were taken from what this instance knew (readForEdit): the shard keys read by this call. */
  fresh?: Set<string>;
  /** With `fresh`: when every shard was last read (the known model's). */
  wholeReadAt?: number;
}

/**
 * One GET of the project with the meta and shards 0..191 as `properties`; a second request only
 * for shards beyond those the meta lists. Every shard found is read, listed or not: a writer
 * stores shards before the meta, so a record moving to a new shard is never missed. A meta
 * that is missing or broken falls back to listing the properties.
 */
async function readProperties(client: JiraClient, projectKey: string, extraKeys: string[]): Promise<ModelProperties> {
  const { keys, shardKeys: firstKeys } = firstReadKeys(extraKeys);
  const first = await getProjectProperties(client, projectKey, keys);
  return finishRead(client, projectKey, extraKeys, first, firstKeys);
}

/** The rest of a whole read, once `first` holds the meta and the shard keys `asked` (the found ones among them). */
async function finishRead(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[],
  first: Record<string, unknown>,
  asked: string[],
): Promise<ModelProperties> {
  const meta = first[META_KEY];
  const listed = MetaValue.safeParse(meta);
  const expected =
    listed.success && listed.data.shards
      ? listed.data.shards.map(shardKey)
      : (await listProjectPropertyKeys(client, projectKey)).filter((k) => shardIndex(k) !== undefined);
  const missing = expected.filter((k) => !(k in first) && !asked.includes(k));
  const rest = await getProjectProperties(client, projectKey, missing);
  const values: Record<string, unknown> = { ...first, ...rest };
  const shardKeys = [...new Set([...expected, ...Object.keys(values).filter((k) => shardIndex(k) !== undefined)])].sort(
    (a, b) => shardIndex(a)! - shardIndex(b)!,
  );
  return { meta, shardKeys, shardValues: shardKeys.map((k) => values[k]), extra: extraOf(extraKeys, first) };
}

/**
 * An edit's read of a model this instance knows (known-models.ts): the meta, the extra keys, and
 * only the shards the edit may write (the last readable one, where new records go; the next two
 * indices, where a full last shard hands records on; those `touching` names records of), in one
 * request; the other shards are the values known. When the meta is no longer at the known
 * revision (someone wrote since), or lists a shard not known, the rest is read as a whole read
 * reads it, in a second request. writeModelTurn writes no shard this read did not ask for
 * without reading it first.
 */
async function readForEdit(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[],
  known: KnownModel,
  touching: string[],
  onHead: (meta: MetaValue, extra: Record<string, unknown>) => void,
): Promise<ModelProperties> {
  let top = -1;
  for (const key of known.values.keys()) top = Math.max(top, shardIndex(key) ?? -1);
  const asked = [
    ...new Set([
      ...(known.lastShard !== undefined ? [shardKey(known.lastShard)] : []),
      shardKey(top + 1),
      shardKey(top + 2),
      ...shardKeysHolding(known, touching),
    ]),
  ];
  const first = await getProjectProperties(client, projectKey, [META_KEY, ...extraKeys, ...asked]);
  const meta = MetaValue.safeParse(first[META_KEY]);
  const listed = meta.success ? (meta.data.shards ?? []).map(shardKey) : [];
  const current =
    meta.success &&
    meta.data.revision === known.revision &&
    meta.data.writeId === known.writeId &&
    listed.every((key) => known.values.has(key) || asked.includes(key));
  if (!current) {
    // Someone wrote since: the rest as a whole read has it (shards 0..191, then the listed ones
    // beyond), while the meta and locks already read serve the turn (see headOf).
    if (meta.success) onHead(meta.data, extraOf(extraKeys, first));
    const wholeKeys = firstReadKeys(extraKeys).shardKeys.filter((k) => !asked.includes(k));
    const more = await getProjectProperties(client, projectKey, wholeKeys);
    return finishRead(client, projectKey, extraKeys, { ...first, ...more }, [...asked, ...wholeKeys]);
  }
  const values = new Map(known.values);
  for (const key of asked) {
    if (key in first) values.set(key, first[key]);
    else values.delete(key);
  }
  // As a whole read has them: the listed keys (a listed one not stored reads as undefined), and those found.
  for (const [key, value] of values) if (value === undefined && !listed.includes(key)) values.delete(key);
  for (const key of listed) if (!values.has(key)) values.set(key, undefined);
  const shardKeys = [...values.keys()].sort((a, b) => shardIndex(a)! - shardIndex(b)!);
  return {
    meta: first[META_KEY],
    shardKeys,
    shardValues: shardKeys.map((k) => values.get(k)),
    extra: extraOf(extraKeys, first),
    fresh: new Set(asked),
    wholeReadAt: known.wholeReadAt,
  };
}

const extraOf = (extraKeys: string[], first: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(extraKeys.filter((k) => k in first).map((k) => [k, first[k]]));

/**
 * For an edit whose read in part found the meta moved (readForEdit): the meta, the locks and the
 * extra keys arrive a round trip before the other shards. What a turn needs before the model (the
 * check of the person, from the settings; the step's lock) is taken from this head, so the lock is
 * created while the rest is read, and the turn then acts on the whole read (tryModelTurn's
 * `whole`). Kept by the whole read's promise, as long as the call holds it.
 */
const heads = new WeakMap<Promise<StoredThreatModel>, Promise<StoredThreatModel>>();

/** The head of a read for an edit (see heads): the read itself when it has none. */
export const headOf = (read: Promise<StoredThreatModel>): Promise<StoredThreatModel> => heads.get(read) ?? read;

/** A head: the meta's settings, counters and locks, and no record (never written from: writeModelTurn refuses it). */
const headModel = (meta: MetaValue, extra: Record<string, unknown>): StoredThreatModel => ({
  model: {
    threats: [],
    mitigations: [],
    nextThreatNumber: meta.nextThreatNumber,
    nextMitigationNumber: meta.nextMitigationNumber,
    settings: meta.settings,
  },
  shards: [],
  unreadable: [],
  shardIndices: meta.shards,
  metaRevision: meta.revision,
  problems: [],
  extra,
  ...(meta.locks ? { lockBook: meta.locks } : {}),
  shardValues: new Map(),
  ranges: new Map(),
  wholeReadAt: 0,
  incomplete: true,
});

/**
 * The model's revision alone: one small read (with `extraKeys`, other project properties read in
 * the same request, raw). It grows with every write of the model (see writeModel); 0 when there
 * is no model yet, null when the meta cannot be read.
 */
export async function readModelRevision(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[] = [],
): Promise<{ revision: number | null; extra: Record<string, unknown> }> {
  const { [META_KEY]: meta, ...extra } = await getProjectProperties(client, projectKey, [META_KEY, ...extraKeys]);
  if (meta === undefined) return { revision: 0, extra };
  const parsed = MetaValue.safeParse(meta);
  return { revision: parsed.success ? parsed.data.revision : null, extra };
}

/**
 * Reads the whole model (see readProperties for what it costs). `extraKeys` are other project
 * properties read in the same request (the lease, the edit queue), raw, in `extra`.
 */
export async function readThreatModel(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[] = [],
): Promise<StoredThreatModel> {
  const readAt = Date.now();
  return storedModelOf(client, projectKey, await readProperties(client, projectKey, extraKeys), readAt);
}

/** The model the properties hold, each shard decoded once per stored value (decoded-shards.ts). */
function storedModelOf(
  client: JiraClient,
  projectKey: string,
  props: ModelProperties,
  readAt: number,
): StoredThreatModel {
  // A read in part keeps when every shard was last read; a whole read is that moment.
  const wholeReadAt = props.fresh ? (props.wholeReadAt ?? readAt) : readAt;
  const { meta, shardKeys, shardValues, extra } = props;
  const problems: string[] = [];
  const splits: Array<ShardSplit | undefined> = [];
  const values = new Map<string, unknown>();
  const ranges = new Map<string, ShardRanges>();
  const shards = shardKeys.flatMap((key, i) => {
    const decoded = decodedShard(client.tenant, projectKey, key, shardValues[i], () => readShard(key, shardValues[i]));
    // The value the decoding keeps (the same one, the object held): known again at no cost.
    values.set(key, decoded.value ?? shardValues[i]);
    // A loop, not a spread: a spread of a long list overflows the call stack.
    for (const problem of decoded.problems) problems.push(problem);
    if (decoded.shard) splits.push(decoded.split);
    if (decoded.split?.ordered)
      ranges.set(key, { threat: decoded.split.threatRange, mitigation: decoded.split.mitigationRange });
    return decoded.shard ? [decoded.shard] : [];
  });
  const read = new Set(shards.map((s) => s.index));
  const unreadable = shardKeys.map((k) => shardIndex(k)!).filter((index) => !read.has(index));
  const parsedMeta = meta === undefined ? undefined : MetaValue.safeParse(meta);
  const metaUnreadable = parsedMeta && !parsedMeta.success ? metaProblem(parsedMeta.error.issues[0]) : undefined;
  if (metaUnreadable) problems.push(metaUnreadable);
  const base = emptyThreatModel();
  const metaValue = parsedMeta?.success ? parsedMeta.data : undefined;
  const { threats, mitigations } = assemble(shards, splits);
  if (metaValue || meta === undefined)
    rememberModel(client.tenant, projectKey, metaValue?.revision ?? 0, metaValue?.settings ?? base.settings);
  const lastShard = shards.length > 0 ? shards[shards.length - 1]!.index : undefined;
  if (metaValue?.writeId)
    rememberKnownModel(client.tenant, projectKey, metaValue, { values, ranges, lastShard, wholeReadAt });
  else forgetKnownModel(client.tenant, projectKey);
  return {
    model: {
      threats,
      mitigations,
      // Never below an id in use, readable or not: a meta deleted or restored from an old copy
      // must not hand out an id a stored record already has.
      nextThreatNumber: Math.max(
        metaValue?.nextThreatNumber ?? base.nextThreatNumber,
        nextAfter('T-', threats, shards),
      ),
      nextMitigationNumber: Math.max(
        metaValue?.nextMitigationNumber ?? base.nextMitigationNumber,
        nextAfter('M-', mitigations, shards),
      ),
      settings: metaValue?.settings ?? base.settings,
    },
    shards,
    unreadable,
    shardIndices: metaValue?.shards,
    metaRevision: metaValue?.revision ?? 0,
    problems,
    ...(metaUnreadable ? { metaUnreadable } : {}),
    extra,
    ...(metaValue?.locks ? { lockBook: metaValue.locks } : {}),
    shardValues: values,
    ranges,
    wholeReadAt,
    ...(props.fresh ? { fresh: props.fresh } : {}),
  };
}

function metaProblem(issue: { path: PropertyKey[]; message: string } | undefined): string {
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return (
    `The threat model's settings and id counters (project property ${META_KEY}) cannot be read${where}: ${issue?.message ?? 'not valid'}. ` +
    'The threat model is read only until a Jira administrator restores or deletes that property; the app will not write over it.'
  );
}

/** Problems told one by one for a shard's entries; the rest are counted in one more. */
const PROBLEMS_PER_SHARD = 5;

function readShard(key: string, value: unknown): DecodedShard {
  const problems: string[] = [];
  const shard = decodeShard(value);
  if ('error' in shard) {
    problems.push(
      `The threat model shard ${key} is not valid and was ignored: ${shard.error}. The app will not write over it.`,
    );
    return { shard: undefined, problems };
  }
  const records: ModelRecord[] = [];
  const unreadable: unknown[] = [];
  let untold = 0;
  shard.entries.forEach((raw, i) => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `entry ${i + 1}`;
    const isMitigation = id.startsWith('M-');
    const parsed = isMitigation ? Mitigation.safeParse(raw) : Threat.safeParse(raw);
    if (parsed.success)
      return void records.push(withUnknownFields(parsed.data, raw, isMitigation ? MITIGATION_FIELDS : THREAT_FIELDS));
    unreadable.push(raw);
    // A few problems a shard tell what is wrong; hundreds would only fill the page and the cache.
    if (problems.length >= PROBLEMS_PER_SHARD) return void untold++;
    const issue = parsed.error.issues[0];
    problems.push(
      `${isMitigation ? 'Mitigation' : 'Threat'} ${id} in ${key} is not valid and is not shown (${issue?.path.join('.') || 'value'}: ${issue?.message}); the app keeps it as it is.`,
    );
  });
  if (untold > 0)
    problems.push(
      `And ${untold.toLocaleString('en')} more entries in ${key} are not valid and are not shown; the app keeps them as they are.`,
    );
  return {
    shard: {
      index: shardIndex(key)!,
      revision: shard.revision,
      records,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    },
    problems,
    split: splitOf(records),
    decodedBytes: shard.decodedBytes,
  };
}

/** The records by kind, each list's id range, and whether each list rises strictly (see ShardSplit). */
function splitOf(records: ModelRecord[]): ShardSplit {
  const split = assembleRecords([records]);
  const range = (list: ModelRecord[]): [number, number] | undefined =>
    list.length === 0 ? undefined : [Number(list[0]!.id.slice(2)), Number(list[list.length - 1]!.id.slice(2))];
  const threatRange = range(split.threats);
  const mitigationRange = range(split.mitigations);
  return {
    threats: split.threats,
    mitigations: split.mitigations,
    ordered: split.ordered,
    ...(threatRange ? { threatRange } : {}),
    ...(mitigationRange ? { mitigationRange } : {}),
  };
}

/**
 * One more than the highest id with this prefix among the stored entries, readable or not:
 * `records` is the assembled list (in id order, so its last is its highest), and only the entries
 * that could not be read are looked at one by one.
 */
function nextAfter(prefix: 'T-' | 'M-', records: ModelRecord[], shards: StoredShard[]): number {
  let highest = records.length > 0 ? Number(records[records.length - 1]!.id.slice(2)) : 0;
  for (const shard of shards) {
    for (const entry of shard.unreadable ?? []) {
      const id = (entry as { id?: unknown })?.id;
      const n = typeof id === 'string' && id.startsWith(prefix) ? Number(id.slice(2)) : NaN;
      if (Number.isInteger(n) && n > highest) highest = n;
    }
  }
  return highest + 1;
}

/**
 * The threats and the mitigations of the shards, each in id order with one copy of each id. Writes
 * keep the shards' records in id order, so the shards' lists (split once per decoding) are joined
 * as they are; when they do not fit end to end, one pass checks each record, and only when that
 * finds ids out of order (a record moved into a later shard, or is there twice while it moves)
 * are the lists sorted and the newer copy kept (dedupe).
 */
function assemble(
  shards: StoredShard[],
  splits: Array<ShardSplit | undefined>,
): { threats: Threat[]; mitigations: Mitigation[] } {
  const joined = joinSplits(splits);
  if (joined) return joined;
  const all = assembleRecords(shards.map((s) => s.records));
  if (all.ordered) return all;
  return { threats: dedupe(all.threats) as Threat[], mitigations: dedupe(all.mitigations) as Mitigation[] };
}

/**
 * The shards' lists joined, when every shard's split rises strictly and each starts above where
 * the one before ended: then the joined lists are in id order with no id twice, and no record is
 * looked at. Undefined otherwise (assemble then looks at each).
 */
function joinSplits(
  splits: Array<ShardSplit | undefined>,
): { threats: Threat[]; mitigations: Mitigation[] } | undefined {
  let lastThreat = 0;
  let lastMitigation = 0;
  for (const split of splits) {
    if (!split?.ordered) return undefined;
    if (split.threatRange) {
      if (!(split.threatRange[0] > lastThreat)) return undefined;
      lastThreat = split.threatRange[1];
    }
    if (split.mitigationRange) {
      if (!(split.mitigationRange[0] > lastMitigation)) return undefined;
      lastMitigation = split.mitigationRange[1];
    }
  }
  const threats: Threat[] = [];
  const mitigations: Mitigation[] = [];
  for (const split of splits as ShardSplit[]) {
    for (const t of split.threats) threats.push(t);
    for (const m of split.mitigations) mitigations.push(m);
  }
  return { threats, mitigations };
}

/** The records of the lists by kind, in the order given, and whether each kind's ids rise strictly. */
function assembleRecords(lists: ModelRecord[][]): { threats: Threat[]; mitigations: Mitigation[]; ordered: boolean } {
  const threats: Threat[] = [];
  const mitigations: Mitigation[] = [];
  let lastThreat = 0;
  let lastMitigation = 0;
  let ordered = true;
  for (const records of lists) {
    for (const record of records) {
      const n = Number(record.id.slice(2));
      if (record.id.startsWith('T-')) {
        if (!(n > lastThreat)) ordered = false;
        lastThreat = n;
        threats.push(record as Threat);
      } else if (record.id.startsWith('M-')) {
        if (!(n > lastMitigation)) ordered = false;
        lastMitigation = n;
        mitigations.push(record as Mitigation);
      }
    }
  }
  return { threats, mitigations, ordered };
}

// The fields a record's schema knows: any other field it was stored with is kept and written
// back with it (unknown-fields.ts).
const THREAT_FIELDS = new Set(Object.keys(Threat.shape));
const MITIGATION_FIELDS = new Set(Object.keys(Mitigation.shape));

/**
 * Every record the change touched fits a shard on its own: one that does not would make Jira
 * refuse the shard (32,768 characters) halfway through a write. Refused before anything is written.
 */
function checkRecordSizes(changed: ModelRecord[]): void {
  for (const record of changed) {
    const size = JSON.stringify(encodeShard([storedForm(record)] as ModelRecord[], 999_999)).length;
    if (size > SHARD_LIMIT) throw recordTooLarge(record, size, SHARD_LIMIT);
  }
}

/** What an edit changed: records new or replaced (as they are now), and those replaced or gone (as they were). */
interface RecordDiff {
  changed: ModelRecord[];
  gone: ModelRecord[];
}

/**
 * Adds to `diff` what differs between two lists in id order, walked side by side: the records an
 * edit kept are the very objects it was given, so the walk compares references and reads an id
 * only where they differ. A list out of order costs records rewritten in place, never one lost
 * (see shardsToWrite).
 */
function diffRecords(before: ModelRecord[], after: ModelRecord[], diff: RecordDiff): void {
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const was = before[i];
    const now = after[j];
    if (was !== undefined && was === now) {
      i++;
      j++;
      continue;
    }
    const wasN = was === undefined ? Infinity : Number(was.id.slice(2));
    const nowN = now === undefined ? Infinity : Number(now.id.slice(2));
    const same = wasN === nowN || Number.isNaN(wasN) || Number.isNaN(nowN);
    if (was !== undefined && (same || wasN < nowN)) {
      diff.gone.push(was);
      i++;
    }
    if (now !== undefined && (same || nowN < wasN)) {
      diff.changed.push(now);
      j++;
    }
  }
}

/** Edits that touch more records than this are packed over the whole model (imports, bulk changes). */
const DIFF_MAX = 50;

/**
 * The shards an edit rewrites, with their records: only the shards that held a record it replaced
 * or removed, and the last one (where new records go), are packed again; the others are not
 * looked at. Every record it changed is checked to fit a shard on its own first.
 */
function shardsToWrite(stored: StoredThreatModel, model: ThreatModel): StoredShard[] {
  const diff: RecordDiff = { changed: [], gone: [] };
  diffRecords(stored.model.threats, model.threats, diff);
  diffRecords(stored.model.mitigations, model.mitigations, diff);
  checkRecordSizes(diff.changed);
  const reserved = [...stored.shards.map((s) => s.index), ...stored.unreadable];
  // A record stored twice (caught while it moved) is left behind by the packing of a few shards:
  // the whole model is packed then, which keeps one copy.
  const storedCount = stored.shards.reduce((sum, s) => sum + s.records.length, 0);
  const twice = storedCount !== stored.model.threats.length + stored.model.mitigations.length;
  if (twice || diff.gone.length > DIFF_MAX || diff.changed.length > DIFF_MAX || stored.shards.length === 0)
    return packShards(stored.shards, [...model.threats, ...model.mitigations], stored.unreadable);
  const gone = new Set(diff.gone);
  const last = Math.max(...stored.shards.map((s) => s.index));
  const touched = stored.shards.filter(
    (s) => s.index === last || (gone.size > 0 && s.records.some((r) => gone.has(r))),
  );
  const replacement = new Map(diff.changed.map((r) => [r.id, r]));
  const placed = new Set<string>();
  // Each record where it was, replaced by its new version (once), or left out when it is gone.
  const kept = touched.flatMap((shard) =>
    shard.records.flatMap((r) => {
      if (!gone.has(r)) return [r];
      const now = replacement.get(r.id);
      if (!now || placed.has(r.id)) return [];
      placed.add(r.id);
      return [now];
    }),
  );
  const newcomers: ModelRecord[] = [];
  for (const r of diff.changed) {
    if (placed.has(r.id)) continue;
    placed.add(r.id);
    newcomers.push(r);
  }
  return packShards(touched, [...kept, ...newcomers], reserved);
}

/** While a record moves between shards a reader may see it twice; the newer copy wins. */
const dedupe = (records: ModelRecord[]): ModelRecord[] => {
  const byId = new Map<string, ModelRecord>();
  for (const r of records) if ((byId.get(r.id)?.revision ?? 0) < r.revision) byId.set(r.id, r);
  // Numbers parsed once per record, not once per comparison: a model of 15,000 records sorts in a few ms.
  const numbered = [...byId.values()].map((r) => ({ n: Number(r.id.slice(2)), r }));
  return numbered.sort((a, b) => a.n - b.n).map((x) => x.r);
};

/** One read-change-write of the model; several may run under one lease (see withModelLease). */
export type ModelChange<T> = (model: ThreatModel) => ChangeOutcome<T> | Promise<ChangeOutcome<T>>;

export interface ChangeOutcome<T> {
  model: ThreatModel;
  result: T;
  /**
   * Another change of the same session follows and must see no other writer in between (a task
   * claimed, created, then recorded): the lock of the next step is taken before this step's meta
   * is written, so nobody can take it first.
   */
  holdOn?: boolean;
  /**
   * Called once the shards are written, while the meta is: what this change added is stored from
   * then on (a reader reads every shard it finds), so work that must come after it (a story that
   * links a new threat) can run beside the meta's write.
   */
  whenStored?: () => void;
}

export interface ModelSession {
  change<T>(change: ModelChange<T>): Promise<T>;
}

export interface ModelWriteOptions {
  /** The check of the person, run before the lock is created (see LeaseOptions.beforeCreate). */
  beforeCreate?: () => Promise<void>;
  /**
   * The model with its locks, as the call read it in its first round trip (readModelForWrite):
   * the lease's first attempt uses it instead of reading again. Later attempts read for themselves.
   */
  firstRead?: Promise<StoredThreatModel>;
  /**
   * A turn the caller already tried for (tryModelTurn on `firstRead`, beside another lock): the
   * first attempt's outcome, so the lock is not tried twice. Undefined inside: attempts go on from a new read.
   */
  firstTurn?: Promise<ModelTurn | undefined>;
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Ids of the records the change will touch: read with the meta (see ReadForWriteOptions). */
  touching?: string[];
  /** Every attempt reads the whole model (see ReadForWriteOptions.whole). */
  whole?: boolean;
}

/** How an edit reads the model (readModelForWrite). */
export interface ReadForWriteOptions {
  /** Ids of records the edit will change: their shards are read with the meta (see readForEdit). */
  touching?: string[];
  /** Read every shard, never the values this instance knows (a repair that acts on what it shows). */
  whole?: boolean;
}

/**
 * The model as a write needs it: with the lock keys of the revisions this instance expects (see
 * lockWindow), the lock an earlier version of the app took, and `extraKeys`, in one request;
 * stamped with when the read was sent (an attempt acts on it only while it is fresh). A large
 * model this instance knows is read in part (readForEdit).
 */
export function readModelForWrite(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[] = [],
  now: () => number = Date.now,
  options: ReadForWriteOptions = {},
): Promise<StoredThreatModel> {
  const readAt = now();
  const locksRead = lockWindow(lastSeenModel(client.tenant, projectKey)?.revision);
  const keys = [LOCK_KEY, ...locksRead, ...extraKeys];
  const stamp = (stored: StoredThreatModel): StoredThreatModel => ({ ...stored, readAt, locksRead });
  const known = options.whole ? undefined : knownModel(client.tenant, projectKey, readAt);
  if (!known)
    return readProperties(client, projectKey, keys).then((props) =>
      stamp(storedModelOf(client, projectKey, props, readAt)),
    );
  let giveHead!: (head: StoredThreatModel) => void;
  let refuseHead!: (error: unknown) => void;
  const head = new Promise<StoredThreatModel>((resolve, reject) => {
    giveHead = resolve;
    refuseHead = reject;
  });
  head.catch(() => undefined); // awaited by a turn, or never
  const whole = readForEdit(client, projectKey, keys, known, options.touching ?? [], (meta, extra) =>
    giveHead(stamp(headModel(meta, extra))),
  ).then((props) => stamp(storedModelOf(client, projectKey, props, readAt)));
  // Without a head of its own (the meta it knew, or one it cannot read), the whole read is the head.
  whole.then(giveHead, refuseHead);
  heads.set(whole, head);
  return whole;
}

/** A turn at the model: the lock of the step from `stored` (its meta revision), held. */
export interface ModelTurn {
  lease: HeldLease;
  lock: LockStore;
  stored: StoredThreatModel;
  /** Set once anything was written under this lock: from then on the lock is never deleted. */
  wrote: boolean;
  /**
   * Set on a turn taken over from a holder that gave out at the same revision: it may have written
   * shards. Such a turn moves the meta even when it changes nothing (endModelTurn), so no instance
   * that knew the model at this revision builds on the shards it knew (known-models.ts).
   */
  moveMeta?: { client: JiraClient; projectKey: string };
}

/**
 * A lock left past its expiry this long before anyone takes it over: its holder may have made its
 * step just before expiring, and an attempt that read the revision before may still create the
 * lock until STALE_READ_MS after; removing it in that time would let that attempt write over the step.
 */
export const TAKEOVER_GRACE_MS = STALE_READ_MS + 15_000;

/** The lock of a turn that cannot write (see tryModelTurn): nothing to create or delete. */
const NO_LOCK: LockStore = {
  read: async () => undefined,
  create: async () => false,
  remove: async () => undefined,
  claimTakeover: async () => false,
  forgetTakeover: async () => undefined,
};

/** The value of the step's lock as `stored` read it, or a read of it when the read did not ask for it. */
function lockValueOf(stored: StoredThreatModel, key: string, lock: LockStore): Promise<unknown> {
  if (key in stored.extra) return Promise.resolve(stored.extra[key]);
  return stored.locksRead?.includes(key) ? Promise.resolve(undefined) : lock.read();
}

/** Whether `stored`'s step is free to take: its lock (read if need be) and an earlier version's lock. */
export async function modelTurnFree(
  client: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
  now: number,
): Promise<boolean> {
  if (!lockIsFree(stored.extra[LOCK_KEY], now)) return false;
  const key = lockKey(stored.metaRevision);
  try {
    return lockIsFree(await lockValueOf(stored, key, propertyLock(client, projectEntity(projectKey), key)), now);
  } catch (error) {
    // The lock's own read (one request, no retries) failed for the moment: not known to be free.
    // Its callers poll again; thrown, it would tell a queued writer its edit failed while a
    // holder may have stored it.
    if (isTransient(error)) return false;
    throw error;
  }
}

/**
 * One attempt at the step from `stored`'s revision: creating its lock (201) proves nobody else
 * took that step, so `stored` (for a head, see headOf, the whole read passed as `whole`) is the
 * model as it stands and is not read again. Undefined when
 * someone holds it (or took it), when `stored` is too old to act on, or when an earlier version of
 * the app holds its single lock (during an upgrade).
 */
export async function tryModelTurn(
  client: JiraClient,
  projectKey: string,
  holder: string,
  stored: StoredThreatModel,
  options: { beforeCreate?: () => Promise<void>; now?: () => number; whole?: Promise<StoredThreatModel> } = {},
): Promise<ModelTurn | undefined> {
  const now = options.now ?? Date.now;
  if (stored.incomplete && !options.whole) throw new Error('A turn from a head needs the whole read (headOf).');
  const key = lockKey(stored.metaRevision);
  const lock = propertyLock(client, projectEntity(projectKey), key);
  // An earlier version of the app (during an upgrade) takes one lock for every step: wait for it.
  // The person is checked first all the same (as on every other way out, inside tryLease): a
  // caller told "not now" may go on to write as the app (the edit queue's entry).
  if (!lockIsFree(stored.extra[LOCK_KEY], now())) return void (await options.beforeCreate?.());
  if (stored.metaUnreadable) {
    // No revision to key a lock by, and nothing may be written (writeModelTurn refuses): a turn
    // that only reads, once the person is checked, so a change that writes nothing still answers.
    await options.beforeCreate?.();
    return { lease: { expiresAt: Infinity, assertHeld: () => undefined }, lock: NO_LOCK, stored, wrote: true };
  }
  const lease = await tryLease(lock, {
    holder,
    now,
    lockRead: lockValueOf(stored, key, lock),
    ...(options.beforeCreate ? { beforeCreate: options.beforeCreate } : {}),
    readStillFresh: () => stored.readAt !== undefined && now() - stored.readAt <= STALE_READ_MS,
    takeoverGraceMs: TAKEOVER_GRACE_MS,
  });
  if (!lease) return undefined;
  if (!lease.tookOver) {
    if (!stored.incomplete) return { lease, lock, stored, wrote: false };
    // The step's lock is held: the model is the whole read's, of the same meta as its head (one
    // answer gives both; checked all the same, as nothing else ties them).
    let whole: StoredThreatModel;
    try {
      whole = await options.whole!;
    } catch (error) {
      await releaseLease(lock, lease, { now }).catch(() => undefined);
      throw error;
    }
    if (whole.metaRevision === stored.metaRevision && !whole.incomplete)
      return { lease, lock, stored: whole, wrote: false };
    await releaseLease(lock, lease, { now }).catch(() => undefined);
    return undefined;
  }
  // The holder that gave out may have written part of its step: read what is stored now, under the lock.
  const again = await readThreatModel(client, projectKey);
  if (again.metaRevision === stored.metaRevision)
    return { lease, lock, stored: again, wrote: false, moveMeta: { client, projectKey } };
  // It made its step after all: leave its lock to the collection (model-locks.ts) and start over.
  return undefined;
}

/** The turn ends: a lock under which nothing was written is deleted (no step was made from its revision). */
export async function endModelTurn(turn: ModelTurn, clock: { now?: () => number } = {}): Promise<void> {
  if (turn.wrote) return;
  if (!turn.moveMeta) return releaseLease(turn.lock, turn.lease, clock);
  try {
    // The same model at the next revision: the lock stays as the step's record, as after any write.
    await writeModelTurn(
      turn.moveMeta.client,
      turn.moveMeta.projectKey,
      turn,
      turn.stored.model,
      undefined,
      undefined,
      {},
      true,
    );
  } catch (error) {
    // The lock stays (written under or not): the next writer takes it over and tries again.
    console.warn(`without: could not move the threat model's meta after a takeover (${String(error)})`);
  }
}

/** Attempts until a turn is held, waiting between them (see withLease's loop, which this mirrors). */
async function takeModelTurn(
  client: JiraClient,
  projectKey: string,
  holder: string,
  options: ModelWriteOptions,
): Promise<ModelTurn> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.maxWaitMs ?? DEFAULT_LEASE_WAIT_MS);
  const gate = options.beforeCreate;
  let checked: Promise<void> | undefined;
  const beforeCreate = gate ? () => (checked ??= gate()) : undefined;
  // The check starts with the first read (its own reads beside the model's), and is awaited before the create.
  beforeCreate?.().catch(() => undefined);
  const tryTurn = (attempt: number) => {
    const read =
      attempt === 0 && options.firstRead
        ? options.firstRead
        : readModelForWrite(client, projectKey, [], now, {
            touching: options.touching ?? [],
            whole: options.whole === true,
          });
    read.catch(() => undefined); // awaited through its head
    // The lock is tried on the read's head: with the rest of the model still being read, when it moved.
    return headOf(read).then((head) =>
      tryModelTurn(client, projectKey, holder, head, { now, whole: read, ...(beforeCreate ? { beforeCreate } : {}) }),
    );
  };
  for (let attempt = 0; ; attempt++) {
    const turn = attempt === 0 && options.firstTurn ? await options.firstTurn : await tryTurn(attempt);
    if (turn) return turn;
    if (now() >= deadline)
      throw new AppError('CONFLICT', 'Someone else is saving at the same moment. Wait a second and try again.');
    await sleep(Math.min(100 * 2 ** attempt, 800) + Math.floor(Math.random() * 50));
  }
}

/**
 * Holds the model's write lock while `work` changes the model, once or several times (creating a
 * task records a claim, creates the issue, then records the task: see ChangeOutcome.holdOn).
 * `client` must be allowed to write project properties (the app); the caller has checked the
 * person, or passes the check as `beforeCreate`, which runs before the lock is created.
 */
export async function withModelLease<T>(
  client: JiraClient,
  projectKey: string,
  holder: string,
  work: (session: ModelSession) => Promise<T>,
  options: ModelWriteOptions = {},
): Promise<T> {
  let turn: ModelTurn | undefined = await takeModelTurn(client, projectKey, holder, options);
  try {
    return await work({
      change: async (change) => {
        // A change after one that did not hold on takes a turn of its own, from a new read.
        const held = (turn ??= await takeModelTurn(client, projectKey, holder, {
          ...options,
          firstRead: undefined,
          firstTurn: undefined,
        }));
        const { model, result, holdOn, whenStored } = await change(held.stored.model);
        turn = await writeModelTurn(client, projectKey, held, model, holdOn === true ? holder : undefined, whenStored);
        return result;
      },
    });
  } finally {
    if (turn) await endModelTurn(turn, options);
  }
}

/** Changes the model in one step: read, apply `change` (which may throw, e.g. a conflict), write. */
export async function changeThreatModel<T>(
  client: JiraClient,
  projectKey: string,
  holder: string,
  change: ModelChange<T>,
  options: ModelWriteOptions = {},
): Promise<T> {
  return withModelLease(client, projectKey, holder, (session) => session.change(change), options);
}

/**
 * Writes what changed between the turn's model and `model`: the shards (each with the entries it
 * could not read, unchanged), then the meta at the next revision. Answers the turn that holds the
 * model now: the same one when nothing was written, the next step's when `chainFor` asked for it
 * (its lock is created beside the shards, before the meta; when Jira will not let it be created,
 * the meta is written and this throws), else undefined. `alongside`: other properties written with
 * the last shards, under the lock and before the meta, only when the model is written.
 * `moveMeta`: the meta is written at the next revision even when nothing changed (see ModelTurn.moveMeta).
 */
export async function writeModelTurn(
  client: JiraClient,
  projectKey: string,
  turn: ModelTurn,
  model: ThreatModel,
  chainFor?: string,
  whenStored?: () => void,
  alongside: Record<string, unknown> = {},
  moveMeta = false,
): Promise<ModelTurn | undefined> {
  const { stored, lease } = turn;
  if (stored.incomplete) throw new Error('The model of a head is not the model: nothing is written from it.');
  if (model === stored.model && !moveMeta) return (whenStored?.(), turn);
  if (stored.metaUnreadable) throw new AppError('INVALID_DATA', stored.metaUnreadable);
  const changed = shardsToWrite(stored, model);
  const shards = [
    ...new Set([...stored.shards.map((s) => s.index), ...changed.map((s) => s.index), ...stored.unreadable]),
  ].sort((a, b) => a - b);
  const metaChanged =
    model.nextThreatNumber !== stored.model.nextThreatNumber ||
    model.nextMitigationNumber !== stored.model.nextMitigationNumber ||
    JSON.stringify(model.settings) !== JSON.stringify(stored.model.settings) ||
    JSON.stringify(shards) !== JSON.stringify(stored.shardIndices);
  if (!metaChanged && changed.length === 0 && !moveMeta) return (whenStored?.(), turn);
  if (stored.fresh) await confirmUnreadShards(client, projectKey, stored, changed);
  lease.assertHeld(); // before the lock becomes the step's record: a lease run out writes nothing and keeps no lock
  turn.wrote = true; // from here on, the lock is the step's record: never deleted (model-locks.ts)
  const entity = projectEntity(projectKey);
  const keptRaw = new Map(stored.shards.map((s) => [s.index, s.unreadable ?? []]));
  const encoded = new Map(
    changed.map((s) => [
      s.index,
      encodeShard([...s.records.map(storedForm), ...(keptRaw.get(s.index) ?? [])] as ModelRecord[], s.revision),
    ]),
  );
  const storedShard = (s: StoredShard) => encoded.get(s.index)!;
  // Shards that receive records first, shrinking ones after: a reader never misses one.
  const growing = changed.filter(
    (s) => s.records.length >= (stored.shards.find((o) => o.index === s.index)?.records.length ?? 0),
  );
  const shrinking = changed.filter((s) => !growing.includes(s));
  const next = stored.metaRevision + 1;
  const chainLock = propertyLock(client, entity, lockKey(next));
  // The old locks due (model-locks.ts) are deleted beside the first shards, before the meta, so
  // the meta's floor stays at the first one not deleted. A write with no shard deletes none: a
  // round trip of their own is not worth it. `alongside` goes with the last shards.
  const batches = [growing, shrinking].filter((b) => b.length > 0);
  const extra = Object.entries(alongside);
  if (batches.length === 0 && extra.length > 0) batches.push([]);
  const now = Date.now();
  const plan = collectableLocks(stored.lockBook, stored.metaRevision, now, batches.length > 0 ? undefined : 0);
  lease.assertHeld();
  const chained = chainFor ? holdOnLock(chainLock, chainFor, lease) : undefined;
  chained?.catch(() => undefined); // awaited after the shards: a shard that fails first must not leave it unhandled
  let chainLease: HeldLease | undefined;
  let book = plan.book;
  const writeId = randomUUID();
  try {
    for (const [i, batch] of batches.entries()) {
      lease.assertHeld();
      const [, deleted] = await Promise.all([
        Promise.all([
          ...batch.map((s) => putShard(client, entity, shardKey(s.index), storedShard(s), lease)),
          ...(i === batches.length - 1 ? extra.map(([key, value]) => putAlongside(client, entity, key, value)) : []),
        ]),
        Promise.all((i === 0 ? plan.remove : []).map((key) => deleteOldLock(client, entity, key))),
      ]);
      if (i === 0) book = afterCollection(plan, deleted);
    }
    chainLease = await chained?.catch(() => undefined);
    // A try Jira stored but answered with an error may have left the next step's lock behind; once
    // the meta moves it would be the CURRENT lock and every writer would wait for it to expire.
    // Nobody else can hold it before the meta moves (we hold this step's), so it is deleted first.
    if (chainFor && !chainLease) {
      lease.assertHeld();
      await dropUnheldLock(chainLock);
    }
    whenStored?.();
    // The meta is written after every change, last, so its revision tells a page whether anything
    // changed by reading one small property (readModelRevision) instead of the whole model.
    const meta: MetaValue = {
      v: 1,
      writeId,
      nextThreatNumber: model.nextThreatNumber,
      nextMitigationNumber: model.nextMitigationNumber,
      settings: model.settings,
      revision: next,
      shards,
      locks: book,
    };
    try {
      await putMeta(client, projectKey, meta, lease);
    } catch (error) {
      if (chainFor || metaChanged) throw error;
      // Every shard is written, and the meta would only move the revision and the lock book: the
      // change is stored (a reader reads every shard; the writer that takes this step over once
      // its lock expires reads the model again under it, see tryModelTurn). It is not told as
      // failed: the queued edits written with it are already answered as saved from their outcomes.
      console.warn(
        `without: the threat model's shards are written but its meta is not; the step's lock expires by itself (${String(error)})`,
      );
      forgetKnownModel(client.tenant, projectKey);
      return undefined;
    }
  } catch (error) {
    forgetKnownModel(client.tenant, projectKey);
    // No step from `next` is made by this session: the lock it took for it goes back at once.
    const held = chainLease ?? (await chained?.catch(() => undefined));
    if (held) await releaseLease(chainLock, held);
    throw error;
  }
  rememberModel(client.tenant, projectKey, next, model.settings);
  const known = knownAfterWrite(stored, changed, encoded);
  rememberKnownModel(
    client.tenant,
    projectKey,
    { revision: next, writeId },
    {
      values: known.shardValues,
      ranges: known.ranges,
      lastShard: known.lastShard,
      wholeReadAt: stored.wholeReadAt,
    },
  );
  if (!chainFor) return undefined;
  // Without the next step's lock another writer could come in between (claim a task, create it):
  // the session stops here, with what it wrote so far stored, before the work that needed it.
  if (!chainLease)
    throw new AppError(
      'JIRA_UNAVAILABLE',
      'Jira is too busy to finish this change in one go, so it was stopped halfway: nothing more was done. Try again in a moment.',
    );
  const written = new Map(
    changed.map((s) => [
      s.index,
      { ...s, ...(keptRaw.get(s.index)?.length ? { unreadable: keptRaw.get(s.index) } : {}) },
    ]),
  );
  const after: StoredThreatModel = {
    ...stored,
    model,
    shards: [...stored.shards.filter((s) => !written.has(s.index)), ...written.values()].sort(
      (a, b) => a.index - b.index,
    ),
    shardIndices: shards,
    metaRevision: next,
    lockBook: book,
    readAt: now,
    shardValues: known.shardValues,
    ranges: known.ranges,
    // What it wrote it knows as stored: under the next step's lock nobody else writes a shard.
    ...(stored.fresh ? { fresh: new Set([...stored.fresh, ...changed.map((s) => shardKey(s.index))]) } : {}),
  };
  return { lease: chainLease, lock: chainLock, stored: after, wrote: false };
}

/**
 * A read in part (readForEdit) asked Jira only for some shards: any other this write would write
 * is read now, under the step's lock, and must still hold the value the model was built from
 * (someone may have rewritten it through Jira's REST API without moving the meta). Else nothing
 * is written: the edit rested on a value it did not read. The next read reads every shard.
 */
async function confirmUnreadShards(
  client: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
  changed: StoredShard[],
): Promise<void> {
  const unread = changed.map((s) => shardKey(s.index)).filter((key) => !stored.fresh!.has(key));
  if (unread.length === 0) return;
  const values = await getProjectProperties(client, projectKey, unread);
  if (unread.every((key) => sameStoredValue(values[key], stored.shardValues.get(key)))) return;
  forgetKnownModel(client.tenant, projectKey);
  throw new AppError(
    'CONFLICT',
    "Part of the threat model was changed outside the app (through Jira's REST API) while you saved, so nothing was saved. Try again.",
  );
}

/** What a write leaves known: the values it read, with the shards it wrote as it wrote them. */
function knownAfterWrite(
  stored: StoredThreatModel,
  changed: StoredShard[],
  encoded: Map<number, ShardValue>,
): { shardValues: Map<string, unknown>; ranges: Map<string, ShardRanges>; lastShard: number | undefined } {
  const shardValues = new Map(stored.shardValues);
  const ranges = new Map(stored.ranges);
  for (const shard of changed) {
    const key = shardKey(shard.index);
    shardValues.set(key, encoded.get(shard.index));
    const split = splitOf(shard.records);
    if (split.ordered) ranges.set(key, { threat: split.threatRange, mitigation: split.mitigationRange });
    else ranges.delete(key);
  }
  const indices = [...stored.shards.map((s) => s.index), ...changed.map((s) => s.index)];
  return { shardValues, ranges, lastShard: indices.length > 0 ? Math.max(...indices) : undefined };
}

/** Tries for a session's next lock this many times: nobody else can want it before the meta moves. */
const HOLD_ON_TRIES = 4;

/**
 * The next step's lock, for a session that holds on (ChangeOutcome.holdOn). Nobody can contend
 * for it before the meta moves to its revision, so a create Jira refused for the moment (a 429, a
 * 5xx: tryLease withdraws it) is tried again, while the turn's lease leaves time to write.
 */
async function holdOnLock(lock: LockStore, holder: string, lease: HeldLease): Promise<HeldLease | undefined> {
  // One token for every try: a create Jira stored but answered with an error (a 5xx after the
  // write) left a lock carrying it, which a later try reads and takes as its own (see tryLease's
  // `token`) instead of failing on it with a 200.
  const token = randomUUID();
  for (let attempt = 0; attempt < HOLD_ON_TRIES; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** (attempt - 1)));
    lease.assertHeld();
    // The first try has nothing to read (nobody can have created the lock); later ones read it.
    const held = await tryLease(lock, {
      holder,
      token,
      ...(attempt === 0 ? { lockRead: Promise.resolve(undefined) } : {}),
    });
    if (held) return held;
  }
  return undefined;
}

/**
 * Deletes a next step's lock this session could not hold: a failure is told, and the meta is
 * written all the same. A lock's remove is one DELETE (property-lease.ts); this one may be sent
 * again whatever the failure, with no read first, as nobody else can create the next step's lock
 * before the meta moves.
 */
async function dropUnheldLock(lock: LockStore): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lock.remove();
    } catch (error) {
      if (attempt >= 2 || !isTransient(error))
        return console.warn(`without: could not delete the next step's lock; it expires by itself (${String(error)})`);
      await pause(waitBeforeAgain(error, attempt));
    }
  }
}

/** Tries of a write under the step's lock (a shard; the meta, its reads included), while the lease leaves time. */
const LOCKED_WRITE_TRIES = 10;

/**
 * Writes a shard under the step's lock, trying again past the client's retry budget (a long call
 * may have spent it before its turn) while the lease leaves time: nobody else writes a shard
 * before the meta moves from this step's revision, so the same PUT may be sent again whatever the
 * failure. A shard that fails leaves the lock as the step's record, and every writer waits for it.
 */
async function putShard(client: JiraClient, entity: Entity, key: string, value: unknown, lease: HeldLease) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await putProperty(client, entity, key, value);
    } catch (error) {
      if (attempt >= LOCKED_WRITE_TRIES - 1 || !isTransient(error)) throw error;
      await pause(waitBeforeAgain(error, attempt));
      lease.assertHeld();
    }
  }
}

/**
 * Writes the meta of the step this turn's lock holds, one PUT at a time, trying again while the
 * lease leaves time to write: once the shards are written, a meta not written leaves the step's
 * lock as the current one, holding every writer up until it is taken over (about a minute), and
 * the client's own retries may be spent by then. Nobody else may move the meta from this step's
 * revision while its lock is held, so a PUT Jira declined (429) is sent again as it is. One whose
 * answer was lost (a 5xx, no answer) may have been stored: the meta is then free to move on, and
 * another writer may already have moved it, so a blind resend could put it back. The revision is
 * read first: past this step's, the write was stored; still this step's, it is sent again.
 */
async function putMeta(client: JiraClient, projectKey: string, meta: MetaValue, lease: HeldLease): Promise<void> {
  const once = client.withoutRetries();
  let unsure = false;
  for (let attempt = 0; ; attempt++) {
    lease.assertHeld();
    let writing = false;
    try {
      if (unsure) {
        const { revision } = await readModelRevision(once, projectKey);
        if (revision !== null && revision >= meta.revision) return;
        if (revision !== meta.revision - 1)
          throw new AppError('CONFLICT', 'The threat model changed while it was saved. Reload to see what was saved.');
        unsure = false;
      }
      writing = true;
      return void (await putProperty(once, projectEntity(projectKey), META_KEY, meta));
    } catch (error) {
      if (writing && !declinedUnapplied(error)) unsure = true;
      if (attempt >= LOCKED_WRITE_TRIES - 1 || !isTransient(error)) throw error;
      await pause(waitBeforeAgain(error, attempt));
    }
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A property written beside the model's shards (the edit queue's outcomes): a failure is told, never thrown. */
const putAlongside = (client: JiraClient, entity: Entity, key: string, value: unknown) =>
  putProperty(client, entity, key, value).then(
    () => undefined,
    (error: unknown) => console.warn(`without: could not write ${key} beside the threat model (${String(error)})`),
  );

/** Deletes an old step's lock: whether it is gone (a failure leaves it for a later write). */
const deleteOldLock = (client: JiraClient, entity: Entity, key: string) =>
  deleteProperty(client, entity, key).then(
    () => true,
    (error: unknown) => {
      console.warn(`without: could not delete an old model lock; it stays (${String(error)})`);
      return false;
    },
  );

/**
 * Writes what changed between `stored` and `model` under a turn the caller holds (see
 * writeModelTurn); kept for callers that hold a turn from tryModelTurn.
 */
export async function writeThreatModel(
  client: JiraClient,
  projectKey: string,
  turn: ModelTurn,
  model: ThreatModel,
): Promise<void> {
  await writeModelTurn(client, projectKey, turn, model);
}

/** Which unreadable part of the model a repair removes: a whole shard, or one entry of a readable shard's `unreadable`. */
export interface UnreadablePartRemoval {
  shard: number;
  /** The index in the shard's `unreadable` entries; absent: the whole shard (which could not be read). */
  entry?: number;
}

/**
 * Removes one part of the model the app cannot read, as a step of its own under the model's lock
 * (so an edit made at the same time is neither lost nor written over): a whole unreadable shard
 * (its property deleted as `remover`, the person, where Jira checks they administer the project,
 * and dropped from the meta's list), or one unreadable entry of a readable shard (the shard
 * written again with its records and its other entries exactly as read). `choose` sees the model
 * as it stands under the lock and names the part, or throws (the part changed since the person
 * was shown it). The meta keeps its settings and counters (never below an id stored, see
 * readThreatModel), so a removed entry's id is never handed out again.
 */
export async function removeUnreadableModelPart(
  client: JiraClient,
  remover: JiraClient,
  projectKey: string,
  holder: string,
  choose: (stored: StoredThreatModel) => Promise<UnreadablePartRemoval>,
  options: ModelWriteOptions = {},
): Promise<void> {
  // It writes a shard outside writeModelTurn: what it writes is built from a whole read.
  const turn = await takeModelTurn(client, projectKey, holder, { ...options, whole: true });
  try {
    const { stored, lease } = turn;
    if (stored.metaUnreadable) throw new AppError('INVALID_DATA', stored.metaUnreadable);
    if (stored.fresh) throw new Error('removeUnreadableModelPart needs a whole read of the model.');
    const part = await choose(stored);
    const entity = projectEntity(projectKey);
    const shard = stored.shards.find((s) => s.index === part.shard);
    turn.wrote = true; // from here on, the lock is the step's record (model-locks.ts)
    lease.assertHeld();
    if (part.entry === undefined) await deleteProperty(remover, entity, shardKey(part.shard));
    else if (shard) {
      const kept = (shard.unreadable ?? []).filter((_, i) => i !== part.entry);
      const records = [...shard.records.map(storedForm), ...kept] as ModelRecord[];
      await putShard(client, entity, shardKey(shard.index), encodeShard(records, shard.revision + 1), lease);
    }
    const shards = [...new Set([...stored.shards.map((s) => s.index), ...stored.unreadable])]
      .filter((index) => part.entry !== undefined || index !== part.shard)
      .sort((a, b) => a - b);
    const next = stored.metaRevision + 1;
    const meta: MetaValue = {
      v: 1,
      writeId: randomUUID(),
      nextThreatNumber: stored.model.nextThreatNumber,
      nextMitigationNumber: stored.model.nextMitigationNumber,
      settings: stored.model.settings,
      revision: next,
      shards,
      locks: collectableLocks(stored.lockBook, stored.metaRevision, Date.now(), 0).book,
    };
    // As every turn writes its meta (putMeta): never a blind resend that could roll back a newer meta.
    await putMeta(client, projectKey, meta, lease);
    rememberModel(client.tenant, projectKey, next, stored.model.settings);
  } finally {
    await endModelTurn(turn, options);
  }
}

/**
 * Puts fresh settings and id counters in place of a meta that cannot be read (the audit's fix,
 * once the person has seen it and chosen so; the caller checked the value is the one shown and that
 * no id can be handed out again). Written as the person, so Jira checks they administer the
 * project. Its revision is past every revision-keyed lock still stored and past the broken
 * meta's own revision where that can be read: a meta deleted instead would restart at 0, below
 * the old steps' locks, and every next edit would have to take those over first.
 */
export async function replaceUnreadableMeta(
  person: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
  rawMeta: unknown,
): Promise<void> {
  const prefix = `${LOCK_KEY}.`;
  const lockRevisions = (await listProjectPropertyKeys(person, projectKey))
    .filter((key) => key.startsWith(prefix) && /^\d{1,10}$/.test(key.slice(prefix.length)))
    .map((key) => Number(key.slice(prefix.length)));
  const rawRevision = (rawMeta as { revision?: unknown } | null)?.revision;
  const above = [
    ...lockRevisions,
    typeof rawRevision === 'number' && Number.isSafeInteger(rawRevision) ? rawRevision : 0,
  ];
  const revision = above.reduce((a, b) => Math.max(a, b), 0) + 1;
  if (revision > MAX_REVISION)
    throw new AppError(
      'INVALID_DATA',
      `A lock or the broken settings of ${projectKey}'s threat model name a revision past ${MAX_REVISION}: nothing was written. A Jira administrator can delete those properties through the REST API.`,
    );
  const meta: MetaValue = {
    v: 1,
    writeId: randomUUID(),
    nextThreatNumber: stored.model.nextThreatNumber,
    nextMitigationNumber: stored.model.nextMitigationNumber,
    settings: emptyThreatModel().settings,
    revision,
    shards: stored.shards.map((s) => s.index).sort((a, b) => a - b),
  };
  await putProperty(person, projectEntity(projectKey), META_KEY, meta);
}
