import { AppError } from '../../domain/common/app-error';
import { Mitigation } from '../../domain/mitigation/mitigation';
import { Threat } from '../../domain/threat-model/threat';
import { emptyThreatModel, type ThreatModel } from '../../domain/threat-model/threat-model';
import { recordTooLarge } from '../../domain/threat-model/record-size';
import type { JiraClient } from '../client/jira-client';
import { getProjectProperties, listProjectPropertyKeys, projectEntity, putProperty } from '../client/entity-properties';
import { propertyLock, withLease, type HeldLease } from '../client/property-lease';
import { decodedShard, type DecodedShard } from './decoded-shards';
import {
  LOCK_KEY,
  SHARD_LIMIT,
  META_KEY,
  MetaValue,
  decodeShard,
  encodeShard,
  packShards,
  shardIndex,
  shardKey,
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
}

/**
 * Shard keys asked for with the meta in the first request. Unknown keys cost nothing (Jira
 * leaves them out), so a model of up to this many shards (about 3,000 threats with 6,000
 * mitigations) is read in ONE request, whatever its number of threats.
 */
export const FIRST_READ_SHARDS = 64;

/**
 * One GET of the project with the meta and shards 0..63 as `properties`; a second request only
 * for shards beyond those the meta lists. Every shard found is read, listed or not: a writer
 * stores shards before the meta, so a record moving to a new shard is never missed. A meta
 * that is missing or broken falls back to listing the properties.
 */
async function readProperties(
  client: JiraClient,
  projectKey: string,
  extraKeys: string[],
): Promise<{ meta: unknown; shardKeys: string[]; shardValues: unknown[]; extra: Record<string, unknown> }> {
  const firstKeys = Array.from({ length: FIRST_READ_SHARDS }, (_, i) => shardKey(i));
  const first = await getProjectProperties(client, projectKey, [META_KEY, ...firstKeys, ...extraKeys]);
  const meta = first[META_KEY];
  const listed = MetaValue.safeParse(meta);
  const expected =
    listed.success && listed.data.shards
      ? listed.data.shards.map(shardKey)
      : (await listProjectPropertyKeys(client, projectKey)).filter((k) => shardIndex(k) !== undefined);
  const missing = expected.filter((k) => !(k in first) && !firstKeys.includes(k));
  const rest = await getProjectProperties(client, projectKey, missing);
  const values: Record<string, unknown> = { ...first, ...rest };
  const shardKeys = [...new Set([...expected, ...Object.keys(values).filter((k) => shardIndex(k) !== undefined)])].sort(
    (a, b) => shardIndex(a)! - shardIndex(b)!,
  );
  const extra = Object.fromEntries(extraKeys.filter((k) => k in first).map((k) => [k, first[k]]));
  return { meta, shardKeys, shardValues: shardKeys.map((k) => values[k]), extra };
}

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
  const { meta, shardKeys, shardValues, extra } = await readProperties(client, projectKey, extraKeys);
  const problems: string[] = [];
  const shards = shardKeys.flatMap((key, i) => {
    const decoded = decodedShard(client.tenant, key, shardValues[i], () => readShard(key, shardValues[i]));
    problems.push(...decoded.problems);
    return decoded.shard ? [decoded.shard] : [];
  });
  const unreadable = shardKeys.map((k) => shardIndex(k)!).filter((index) => !shards.some((s) => s.index === index));
  const parsedMeta = meta === undefined ? undefined : MetaValue.safeParse(meta);
  const metaUnreadable = parsedMeta && !parsedMeta.success ? metaProblem(parsedMeta.error.issues[0]) : undefined;
  if (metaUnreadable) problems.push(metaUnreadable);
  const base = emptyThreatModel();
  const metaValue = parsedMeta?.success ? parsedMeta.data : undefined;
  const records = dedupe(shards.flatMap((s) => s.records));
  return {
    model: {
      threats: records.filter((r): r is Threat => r.id.startsWith('T-')),
      mitigations: records.filter((r): r is Mitigation => r.id.startsWith('M-')),
      // Never below an id in use, readable or not: a meta deleted or restored from an old copy
      // must not hand out an id a stored record already has.
      nextThreatNumber: Math.max(metaValue?.nextThreatNumber ?? base.nextThreatNumber, nextAfter('T-', shards)),
      nextMitigationNumber: Math.max(
        metaValue?.nextMitigationNumber ?? base.nextMitigationNumber,
        nextAfter('M-', shards),
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
  };
}

function metaProblem(issue: { path: PropertyKey[]; message: string } | undefined): string {
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  return (
    `The threat model's settings and id counters (project property ${META_KEY}) cannot be read${where}: ${issue?.message ?? 'not valid'}. ` +
    'The threat model is read only until a Jira administrator restores or deletes that property; the app will not write over it.'
  );
}

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
  shard.entries.forEach((raw, i) => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : `entry ${i + 1}`;
    const isMitigation = id.startsWith('M-');
    const parsed = isMitigation ? Mitigation.safeParse(raw) : Threat.safeParse(raw);
    if (parsed.success)
      return void records.push(withUnknownFields(parsed.data, raw, isMitigation ? MITIGATION_FIELDS : THREAT_FIELDS));
    unreadable.push(raw);
    const issue = parsed.error.issues[0];
    problems.push(
      `${isMitigation ? 'Mitigation' : 'Threat'} ${id} in ${key} is not valid and is not shown (${issue?.path.join('.') || 'value'}: ${issue?.message}); the app keeps it as it is.`,
    );
  });
  return {
    shard: {
      index: shardIndex(key)!,
      revision: shard.revision,
      records,
      ...(unreadable.length > 0 ? { unreadable } : {}),
    },
    problems,
  };
}

/** One more than the highest id with this prefix among the stored entries, readable or not. */
function nextAfter(prefix: 'T-' | 'M-', shards: StoredShard[]): number {
  let highest = 0;
  for (const shard of shards) {
    for (const entry of [...shard.records, ...(shard.unreadable ?? [])]) {
      const id = (entry as { id?: unknown })?.id;
      const n = typeof id === 'string' && id.startsWith(prefix) ? Number(id.slice(2)) : NaN;
      if (Number.isInteger(n) && n > highest) highest = n;
    }
  }
  return highest + 1;
}

const THREAT_FIELDS = new Set(Object.keys(Threat.shape));
const MITIGATION_FIELDS = new Set(Object.keys(Mitigation.shape));
const UNKNOWN_FIELDS = Symbol('fields the schema does not know');

/**
 * Fields a stored record has that this version's schema does not know (written by a newer
 * version, or an integration) ride along, unseen, and are written back with the record: an
 * edit of the record or of a neighbour never drops them. Known fields are always the parsed
 * ones, so an edit that removes one (a claim, once the task is recorded) removes it.
 */
function withUnknownFields<R extends ModelRecord>(record: R, raw: unknown, known: Set<string>): R {
  const extra = Object.entries(raw as Record<string, unknown>).filter(([key]) => !known.has(key));
  return extra.length === 0 ? record : Object.assign(record, { [UNKNOWN_FIELDS]: Object.fromEntries(extra) });
}

/** The record as it is stored: its fields, then the unknown ones it was read with. */
const storedForm = (record: ModelRecord): unknown => {
  const extra = (record as { [UNKNOWN_FIELDS]?: Record<string, unknown> })[UNKNOWN_FIELDS];
  return extra ? { ...extra, ...record } : record;
};

/**
 * Every record the change touched fits a shard on its own: one that does not would make Jira
 * refuse the shard (32,768 characters) halfway through a write. Refused before anything is written.
 */
function checkRecordSizes(before: ThreatModel, model: ThreatModel): void {
  for (const record of [
    ...changedRecords(before.threats, model.threats),
    ...changedRecords(before.mitigations, model.mitigations),
  ]) {
    const size = JSON.stringify(encodeShard([storedForm(record)] as ModelRecord[], 999_999)).length;
    if (size > SHARD_LIMIT) throw recordTooLarge(record, size, SHARD_LIMIT);
  }
}

/**
 * The records of `after` that are not records of `before`: compared in place first (an edit
 * replaces a record where it was, a new one comes last), with a set only for the rest.
 */
function changedRecords<R extends ModelRecord>(before: R[], after: R[]): R[] {
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same++;
  const rest = after.slice(same);
  if (rest.length === 0) return [];
  const old = new Set<ModelRecord>(before.slice(same));
  return rest.filter((r) => !old.has(r));
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
export type ModelChange<T> = (
  model: ThreatModel,
) => { model: ThreatModel; result: T } | Promise<{ model: ThreatModel; result: T }>;

export interface ModelSession {
  change<T>(change: ModelChange<T>): Promise<T>;
}

/** The check of the person before the lease is taken (see LeaseOptions.beforeCreate). */
export interface ModelWriteOptions {
  beforeCreate?: () => Promise<void>;
  /** The lock as read with the model before the lease (see LeaseOptions.lockRead). */
  lockRead?: Promise<unknown>;
}

/**
 * Holds the project's write lease while `work` reads and changes the model, once or several
 * times (creating a task records a claim, creates the issue, then records the task). `client`
 * must be allowed to write project properties (the app); the caller has checked the person, or
 * passes the check as `beforeCreate`, which runs while the lock is read.
 */
export async function withModelLease<T>(
  client: JiraClient,
  projectKey: string,
  holder: string,
  work: (session: ModelSession) => Promise<T>,
  options: ModelWriteOptions = {},
): Promise<T> {
  return withLease(propertyLock(client, projectEntity(projectKey), LOCK_KEY), { holder, ...options }, (lease) =>
    work({ change: (change) => applyChange(client, projectKey, change, lease) }),
  );
}

/** Changes the model under the project's write lease: read, apply `change` (which may throw, e.g. a conflict), write. */
export async function changeThreatModel<T>(
  client: JiraClient,
  projectKey: string,
  holder: string,
  change: ModelChange<T>,
  options: ModelWriteOptions = {},
): Promise<T> {
  return withModelLease(client, projectKey, holder, (session) => session.change(change), options);
}

async function applyChange<T>(
  client: JiraClient,
  projectKey: string,
  change: ModelChange<T>,
  lease: HeldLease,
): Promise<T> {
  const stored = await readThreatModel(client, projectKey);
  const { model, result } = await change(stored.model);
  await writeThreatModel(client, projectKey, stored, model, lease);
  return result;
}

/**
 * Writes what changed between `stored` and `model`: the shards (each with the entries it could
 * not read, unchanged) and the meta; nothing when nothing changed. The caller holds the lease.
 */
export async function writeThreatModel(
  client: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
  model: ThreatModel,
  lease: HeldLease,
): Promise<void> {
  if (model === stored.model) return;
  if (stored.metaUnreadable) throw new AppError('INVALID_DATA', stored.metaUnreadable);
  await writeModel(client, projectKey, stored, model, lease);
}

async function writeModel(
  client: JiraClient,
  projectKey: string,
  stored: StoredThreatModel,
  model: ThreatModel,
  lease: HeldLease,
): Promise<void> {
  checkRecordSizes(stored.model, model);
  const changed = packShards(stored.shards, [...model.threats, ...model.mitigations], stored.unreadable);
  const keptRaw = new Map(stored.shards.map((s) => [s.index, s.unreadable ?? []]));
  // Shards that receive records first, shrinking ones after: a reader never misses one.
  const growing = changed.filter(
    (s) => s.records.length >= (stored.shards.find((o) => o.index === s.index)?.records.length ?? 0),
  );
  const shrinking = changed.filter((s) => !growing.includes(s));
  for (const batch of [growing, shrinking]) {
    lease.assertHeld();
    await Promise.all(
      batch.map((s) =>
        putProperty(
          client,
          projectEntity(projectKey),
          shardKey(s.index),
          encodeShard([...s.records.map(storedForm), ...(keptRaw.get(s.index) ?? [])] as ModelRecord[], s.revision),
        ),
      ),
    );
  }
  const shards = [
    ...new Set([...stored.shards.map((s) => s.index), ...changed.map((s) => s.index), ...stored.unreadable]),
  ].sort((a, b) => a - b);
  const metaChanged =
    model.nextThreatNumber !== stored.model.nextThreatNumber ||
    model.nextMitigationNumber !== stored.model.nextMitigationNumber ||
    JSON.stringify(model.settings) !== JSON.stringify(stored.model.settings) ||
    JSON.stringify(shards) !== JSON.stringify(stored.shardIndices);
  // The meta is written after every change, last, so its revision tells a page whether anything
  // changed by reading one small property (readModelRevision) instead of the whole model.
  if (!metaChanged && changed.length === 0) return;
  lease.assertHeld();
  const meta: MetaValue = {
    v: 1,
    nextThreatNumber: model.nextThreatNumber,
    nextMitigationNumber: model.nextMitigationNumber,
    settings: model.settings,
    revision: stored.metaRevision + 1,
    shards,
  };
  await putProperty(client, projectEntity(projectKey), META_KEY, meta);
}
