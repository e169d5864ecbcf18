import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { ErrorCode } from '../../domain/common/envelope';
import type { Threat } from '../../domain/threat-model/threat';
import { applyThreatEdit, ThreatEditRequest, wasApplied } from '../../domain/threat-model/threat-edit';
import type { Actor, ThreatModel } from '../../domain/threat-model/threat-model';
import {
  deleteProperty,
  getProjectProperties,
  listProjectPropertyKeys,
  projectEntity,
  putProperty,
} from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import { isTransient } from '../client/jira-errors';
import {
  endModelTurn,
  headOf,
  modelTurnFree,
  readModelForWrite,
  tryModelTurn,
  writeModelTurn,
  type ModelTurn,
  type StoredThreatModel,
} from './threat-model-repository';

// Group commit for threat edits. Jira has no compare-and-set, so writes to the model take turns
// under one lease, and under Jira's rate limits a turn costs about a second and a half: twenty
// people saving at once would queue for half a minute, past the 25 s a resolver may run. So a
// writer that finds the lease taken puts its edit in a queue property of its own and waits;
// whoever holds the lease next applies every queued edit in one write and records each
// outcome; the writer reads its outcome and answers. A writer that finds the lease free takes
// it and applies the queue along with its own edit.
//
// Trust: queue entries and outcomes are project properties, which only project administrators
// (and the app) can write. Administrators are threat-model editors and can write the model's
// shards directly, so an entry written by hand gives nobody a power they lack; it is parsed
// like any payload and applied with the same revision checks, and an entry that does not parse
// is left alone. The writer checked the person's permission before queueing.

export const QUEUE_PREFIX = 'without.model.queue.';
export const OUTCOMES_KEY = 'without.model.outcomes';
/** How long a queued writer waits for its outcome before withdrawing its edit. */
export const QUEUE_WAIT_MS = 15_000;
/** A holder applies only entries whose writer will still be waiting when its write is done. */
const APPLY_MARGIN_MS = 4_000;
/** How long a withdrawing writer waits for a holder that may be applying its edit. */
const WITHDRAW_WAIT_MS = 5_000;
/** Entries one turn applies; the rest wait for the next turn. */
const BATCH_MAX = 20;
/** Outcomes are kept this long, longer than any writer waits, then pruned. */
const OUTCOME_TTL_MS = 120_000;
/** Outcomes kept at most, and the size their value stays under (Jira's limit is 32,768). */
const OUTCOMES_MAX = 200;
const OUTCOMES_SIZE = 24_000;
/** Only keys the app writes: a hand-written key cannot take a slot of the batch or lengthen the read. */
const QUEUE_KEY = /^without\.model\.queue\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const QueueEntry = z.object({
  v: z.literal(1),
  id: z.string().uuid(),
  accountId: z.string().min(1),
  at: z.string(),
  expiresAt: z.number(),
  edit: ThreatEditRequest,
});
type QueueEntry = z.infer<typeof QueueEntry>;

const Outcome = z.object({
  ok: z.boolean(),
  code: ErrorCode.optional(),
  message: z.string().optional(),
  at: z.number(),
});
type Outcome = z.infer<typeof Outcome>;
const Outcomes = z.object({ v: z.literal(1), entries: z.record(z.string(), Outcome) });

export interface QueueClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}
const realClock: QueueClock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/**
 * Saves one threat edit for `actor` (whose permission the caller checked, or passes as
 * `beforeCreate`: it passes before anything is written, the queue's entry included): at once when the
 * lease is free, else through the queue. Answers the threat as stored, or the edit's own error
 * (a conflict, a validation), never an edit stored while it says it failed.
 */
export async function saveThreatEdit(
  client: JiraClient,
  projectKey: string,
  edit: ThreatEditRequest,
  actor: Actor,
  clock: QueueClock = realClock,
  options: { beforeCreate?: () => Promise<void>; firstRead?: Promise<StoredThreatModel> } = {},
): Promise<Threat> {
  // The queue is listed while the model is read (see holdTurn), once and without retries: a turn
  // not taken leaves it unused, and it must not spend the retries the edit itself may need.
  const listing = listProjectPropertyKeys(client.withoutRetries(), projectKey);
  listing.catch(() => undefined); // a failed listing is made again under the lease
  const firstRead =
    options.firstRead ?? readModelForWrite(client, projectKey, [OUTCOMES_KEY], clock.now, { touching: [edit.id] });
  // The person's check (when passed) starts with the read, and passes before anything is written.
  const checking = options.beforeCreate?.();
  checking?.catch(() => undefined);
  const checked = checking ? { beforeCreate: () => checking } : {};
  firstRead.catch(() => undefined); // awaited through its head
  const first = await tryModelTurn(client, projectKey, actor.accountId, await headOf(firstRead), {
    now: clock.now,
    whole: firstRead,
    ...checked,
  });
  if (first) return holdTurn(client, projectKey, first, { edit, actor, listing }, clock);
  // The entry is written as the app: only once the person passed (tryModelTurn awaits the check
  // on every way out; awaited here too, so no path of it can be missed).
  await checking;
  const entry: QueueEntry = {
    v: 1,
    id: randomUUID(),
    accountId: actor.accountId,
    at: actor.now,
    expiresAt: clock.now() + QUEUE_WAIT_MS,
    edit,
  };
  await putProperty(client, projectEntity(projectKey), queueKey(entry.id), entry);
  try {
    for (let attempt = 0; clock.now() < entry.expiresAt; attempt++) {
      const state = await readState(client, projectKey, clock, edit.id);
      const outcome = state && outcomeOf(state, entry);
      if (state && outcome) return settle(state.model, edit.id, outcome);
      const turn =
        state && (await modelTurnFree(client, projectKey, state, clock.now()))
          ? await tryModelTurn(client, projectKey, actor.accountId, state, { now: clock.now, ...checked })
          : undefined;
      if (turn) return await holdTurn(client, projectKey, turn, { edit, actor, entryId: entry.id }, clock);
      await clock.sleep(Math.min(150 * 2 ** attempt, 600) + Math.floor(Math.random() * 100));
    }
    return await withdraw(client, projectKey, entry, clock);
  } finally {
    // The entry has done its work (or was withdrawn); a left-over one expires and is skipped.
    await deleteProperty(client, projectEntity(projectKey), queueKey(entry.id)).catch(() => undefined);
  }
}

const queueKey = (id: string) => `${QUEUE_PREFIX}${id}`;

/**
 * The model with the queue's outcomes, for a writer waiting its turn: the shard of the threat it
 * edits is read with the meta (a large model's others may be those this instance knows), so its
 * outcome is told from the threat as stored.
 */
async function readState(
  client: JiraClient,
  projectKey: string,
  clock: QueueClock,
  threatId: string,
): Promise<StoredThreatModel | undefined> {
  try {
    return await readModelForWrite(client.withoutRetries(), projectKey, [OUTCOMES_KEY], clock.now, {
      touching: [threatId],
    });
  } catch (error) {
    if (isTransient(error)) return undefined;
    throw error;
  }
}

/**
 * The entry's outcome: the one a holder recorded, or, when that record could not be written,
 * the threat's own receipt of this edit (the holder stored the edit, then failed).
 */
function outcomeOf(state: StoredThreatModel, entry: QueueEntry): Outcome | undefined {
  const outcomes = Outcomes.safeParse(state.extra[OUTCOMES_KEY]);
  const recorded = outcomes.success ? outcomes.data.entries[entry.id] : undefined;
  const threat = state.model.threats.find((t) => t.id === entry.edit.id);
  // The outcomes are written beside the shards: a read may see an edit's outcome before the shard
  // that holds it. Not settled until the threat read is at least the edit's.
  if (recorded?.ok && threat && threat.revision <= entry.edit.baseRevision) return undefined;
  if (recorded) return recorded;
  return wasApplied(threat, entry.edit, entry.accountId) ? { ok: true, at: 0 } : undefined;
}

function settle(model: ThreatModel, threatId: string, outcome: Outcome): Threat {
  if (!outcome.ok)
    throw new AppError(
      outcome.code ?? 'CONFLICT',
      outcome.message ?? 'The change could not be saved. Reload and try again.',
    );
  const threat = model.threats.find((t) => t.id === threatId);
  if (!threat) throw new AppError('NOT_FOUND', `${threatId} is no longer in the threat model.`);
  return threat;
}

/**
 * Out of time: the entry is deleted, and once no holder can still be applying it (the lease is
 * seen free) its outcome, if any, is final. Only then may the writer say the edit failed.
 */
async function withdraw(client: JiraClient, projectKey: string, entry: QueueEntry, clock: QueueClock): Promise<Threat> {
  // A delete Jira fails is no answer yet: the entry has expired, so no holder takes it up any more
  // (applyQueued), but one that read it before may be storing it now: only the wait below can tell.
  await deleteProperty(client, projectEntity(projectKey), queueKey(entry.id)).catch(() => undefined);
  const until = clock.now() + WITHDRAW_WAIT_MS;
  while (clock.now() < until) {
    const state = await readState(client, projectKey, clock, entry.edit.id);
    if (state && (await modelTurnFree(client, projectKey, state, clock.now()))) {
      const outcome = outcomeOf(state, entry);
      if (outcome) return settle(state.model, entry.edit.id, outcome);
      throw new AppError(
        'CONFLICT',
        'Many people are saving this threat model right now, and your change could not get its turn. It was not saved: try again in a moment.',
      );
    }
    await clock.sleep(300);
  }
  throw new AppError(
    'JIRA_UNAVAILABLE',
    'Jira is slow to answer, so the app cannot tell whether your change was saved. Reload the threat model to see it.',
  );
}

interface OwnEdit {
  edit: ThreatEditRequest;
  actor: Actor;
  /** The writer's own queue entry, when it queued before taking the lease: not applied twice. */
  entryId?: string;
  /**
   * The project's property keys, listed while the lock was read. Listing before the lock is
   * held is safe: the entries themselves, and the outcomes that tell which are settled, are read
   * under the lease, so an entry another turn applied meanwhile is skipped and one withdrawn is
   * absent; an entry queued after the listing waits for a later turn, as its writer polls.
   */
  listing?: Promise<string[]>;
}

/**
 * Holding the turn: the own edit and the queued ones, one model write with their outcomes beside
 * its last shards (before the meta), then the turn ends. The model is the one read before the turn was taken (its lock's
 * 201 proves it current, see tryModelTurn); only queued entries, when the listing shows any, are
 * read once it is held. An entry a turn before this one applied but whose outcome that turn had
 * not yet recorded carries its receipt on the threat (wasApplied): it is answered, not applied again.
 */
async function holdTurn(
  client: JiraClient,
  projectKey: string,
  turn: ModelTurn,
  own: OwnEdit,
  clock: QueueClock,
): Promise<Threat> {
  try {
    const { stored } = turn;
    if (stored.metaUnreadable) throw new AppError('INVALID_DATA', stored.metaUnreadable);
    const listed = await own.listing?.catch(() => undefined);
    const queued = (listed ?? (await listProjectPropertyKeys(client, projectKey)))
      .filter((k) => QUEUE_KEY.test(k) && k !== queueKey(own.entryId ?? ''))
      .slice(0, BATCH_MAX);
    // The outcomes recorded so far come with the entries, under the lock: the turn's first read may
    // not have asked for them (a resolver's, or a takeover's), and an entry whose outcome is not
    // seen would be applied again over what was stored since, and told it failed.
    const entries = await getProjectProperties(client, projectKey, queued.length > 0 ? [...queued, OUTCOMES_KEY] : []);
    // The own edit may fail (a conflict); the queued ones still get their turn.
    let mine: { model: ThreatModel; threat: Threat } | AppError;
    try {
      mine = applyThreatEdit(stored.model, own.edit, own.actor);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      mine = error;
    }
    const base = mine instanceof AppError ? stored.model : mine.model;
    const outcomes = Outcomes.safeParse(
      (queued.length > 0 ? entries[OUTCOMES_KEY] : stored.extra[OUTCOMES_KEY]) ?? { v: 1, entries: {} },
    );
    // Outcomes that cannot be read are never written over; queued edits then wait for a turn that can.
    const batch = outcomes.success
      ? applyQueued(
          base,
          queued.map((k) => entries[k]),
          outcomes.data.entries,
          clock.now(),
        )
      : { model: base, results: {} };
    const recording =
      outcomes.success && Object.keys(batch.results).length > 0
        ? { v: 1, entries: pruned({ ...batch.results, ...outcomes.data.entries }, clock.now()) }
        : undefined;
    // The outcomes go with the model's last shards, before its meta: under the lock, so the next
    // holder, who reads them with the queued entries, builds on them and never writes over them. A failed
    // record does not turn stored edits into errors: their writers find their receipts on the threats.
    await writeModelTurn(client, projectKey, turn, batch.model, undefined, undefined, {
      ...(recording ? { [OUTCOMES_KEY]: recording } : {}),
    });
    if (recording && !turn.wrote) {
      // The model did not change (every edit refused): the outcomes alone, still under the lock.
      turn.lease.assertHeld();
      await putProperty(client, projectEntity(projectKey), OUTCOMES_KEY, recording).catch((error: unknown) => {
        console.warn(`without: could not record the outcomes of queued threat edits (${String(error)})`);
      });
    }
    if (mine instanceof AppError) throw mine;
    const threatId = mine.threat.id;
    return batch.model.threats.find((t) => t.id === threatId) ?? mine.threat;
  } finally {
    await endModelTurn(turn, clock);
  }
}

/** Applies each queued entry that parses, is not settled and whose writer still waits, oldest first. */
function applyQueued(
  model: ThreatModel,
  raw: unknown[],
  settled: Record<string, Outcome>,
  now: number,
): { model: ThreatModel; results: Record<string, Outcome> } {
  const entries = raw.flatMap((value) => {
    const entry = QueueEntry.safeParse(value);
    return entry.success && !settled[entry.data.id] && entry.data.expiresAt > now + APPLY_MARGIN_MS ? [entry.data] : [];
  });
  const results: Record<string, Outcome> = {};
  let next = model;
  for (const entry of entries.sort((a, b) => a.at.localeCompare(b.at))) {
    if (
      wasApplied(
        next.threats.find((t) => t.id === entry.edit.id),
        entry.edit,
        entry.accountId,
      )
    ) {
      results[entry.id] = { ok: true, at: now };
      continue;
    }
    try {
      next = applyThreatEdit(next, entry.edit, { accountId: entry.accountId, now: entry.at }).model;
      results[entry.id] = { ok: true, at: now };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[entry.id] = { ok: false, code: error.code, message: error.message, at: now };
    }
  }
  return { model: next, results };
}

/** Recent outcomes only, newest first, bounded in number and size; a time in the future is not believed. */
function pruned(entries: Record<string, Outcome>, now: number): Record<string, Outcome> {
  const recent = Object.entries(entries)
    .filter(([, o]) => o.at > now - OUTCOME_TTL_MS && o.at <= now + APPLY_MARGIN_MS)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, OUTCOMES_MAX);
  while (recent.length > 0 && JSON.stringify(recent).length > OUTCOMES_SIZE) recent.pop();
  return Object.fromEntries(recent);
}
