import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { AuditResult } from '../../domain/audit/audit-result';
import { Finding } from '../../domain/audit/finding';
import { parseBoundedJson, parseWithLongLists } from '../client/bounded-json';
import { Suppression } from '../../domain/audit/suppression';
import { getProjectProperties, projectEntity, putProperty } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import { propertyLock, withLease } from '../client/property-lease';
import {
  listValue,
  readListProperty,
  requireWritable,
  type ListProperty,
  type StoredList,
} from '../client/stored-list';
import { StoryCoverage } from '../../domain/audit/story-coverage';
import type { StoryLinksIndex } from '../../domain/compliance/story-links-index';
import { STORY_INDEX_MAX_PARTS, writeStoryIndex } from './story-index-repository';

// Where audits live: a status property (state, progress, the last complete run), the result of
// the last complete run in deflated parts of at most 30,000 characters, written to the slot the
// status does not point at and then switched to, so readers never see half a result; and the
// suppressions, which outlive runs.
//
// Broken values (they are input: anyone with project admin can write project properties):
// - suppressions are a person's decisions: one broken entry is reported and kept as stored by
//   every later write; a list that cannot be read at all is never written over.
// - the status and the result are the app's own bookkeeping of a run anyone who may browse the
//   project can repeat: a broken one is reported ("run the audit again") and the next run
//   replaces it. The result goes to the other slot first, so broken parts stay as they are until
//   a later run reuses their slot.

export const STATUS_KEY = 'without.audit';
export const SUPPRESSIONS_KEY = 'without.audit.suppressions';
const LOCK_KEY = 'without.audit.lock';
const PART_LIMIT = 30_000;
const partKey = (slot: number, index: number) => `without.audit.result.${slot}.${index}`;

export const AuditState = z.enum(['idle', 'queued', 'running', 'done', 'failed']);
export const AuditStatus = z.object({
  v: z.literal(1),
  state: AuditState,
  runId: z.string(),
  requestedBy: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  progress: z.object({ stage: z.string(), stories: z.number().int().min(0), tasks: z.number().int().min(0) }),
  error: z.string().optional(),
  /** The last run that finished: where its result is and when it finished. */
  complete: z
    .object({
      runId: z.string(),
      finishedAt: z.string(),
      slot: z.number().int().min(0).max(1),
      parts: z.number().int().min(1).max(400),
      /** The run's story coverage, so the Threat model tab shows it without reading the result. */
      coverage: StoryCoverage.optional(),
      /** Parts of the run's story index in the same slot (story-index-repository); absent before it existed or when too large. */
      storyIndexParts: z.number().int().min(1).max(STORY_INDEX_MAX_PARTS).optional(),
    })
    .optional(),
});
export type AuditStatus = z.infer<typeof AuditStatus>;

export const SUPPRESSIONS: ListProperty<Suppression> = {
  key: SUPPRESSIONS_KEY,
  field: 'list',
  entry: Suppression,
  entryName: 'Suppression',
  labelField: 'findingId',
  ignored: 'is not applied',
  unreadable: `The stored suppressions (${SUPPRESSIONS_KEY}) are not valid, so none is applied; the app will not change them until that project property is fixed or deleted.`,
  refusal: `The stored suppressions (${SUPPRESSIONS_KEY}) cannot be read, so the app will not overwrite them. Fix or delete that project property, then try again.`,
};
export const RESULT_UNREADABLE = 'The last audit result cannot be read; run the audit again.';

const Part = z.object({ v: z.literal(1), data: z.string() });

export interface AuditState {
  status: AuditStatus | undefined;
  /** The status property exists but failed its schema. */
  statusUnreadable: boolean;
  suppressions: Suppression[];
  problems: string[];
}

/** The run status and the suppressions: one request. */
export async function readAuditState(client: JiraClient, projectKey: string): Promise<AuditState> {
  return auditStateFrom(await getProjectProperties(client, projectKey, AUDIT_STATE_KEYS));
}

/** The properties that hold the audit's state, to read beside others (e.g. the model) in one request. */
export const AUDIT_STATE_KEYS = [STATUS_KEY, SUPPRESSIONS_KEY];

/** The state from those properties' raw values (absent keys: none stored). */
export function auditStateFrom(stored: Record<string, unknown>): AuditState {
  const problems: string[] = [];
  const status = stored[STATUS_KEY] === undefined ? undefined : AuditStatus.safeParse(stored[STATUS_KEY]);
  if (status && !status.success)
    problems.push(`The stored audit status (${STATUS_KEY}) is not valid; run the audit again.`);
  const suppressions = readListProperty(SUPPRESSIONS, stored[SUPPRESSIONS_KEY]);
  return {
    status: status?.success ? status.data : undefined,
    statusUnreadable: status?.success === false,
    suppressions: suppressions.entries,
    problems: [...problems, ...suppressions.problems],
  };
}

/**
 * A status read with other properties (e.g. beside the model, in the same request), or undefined
 * when there is none or it fails its schema (then with the problem to show).
 */
export function auditStatusFrom(raw: unknown): { status: AuditStatus | undefined; problems: string[] } {
  if (raw === undefined) return { status: undefined, problems: [] };
  const parsed = AuditStatus.safeParse(raw);
  return parsed.success
    ? { status: parsed.data, problems: [] }
    : { status: undefined, problems: [`The stored audit status (${STATUS_KEY}) is not valid; run the audit again.`] };
}

/** The last complete result a status points at (one request), with the problem when it cannot be read. */
export async function readAuditResultOf(
  client: JiraClient,
  projectKey: string,
  status: AuditStatus | undefined,
): Promise<{ result: AuditResult | undefined; problems: string[] }> {
  const complete = status?.complete;
  if (!complete) return { result: undefined, problems: [] };
  const keys = Array.from({ length: complete.parts }, (_, i) => partKey(complete.slot, i));
  const parts = await getProjectProperties(client, projectKey, keys);
  const result = decodeResult(keys.map((k) => parts[k]));
  return { result, problems: result ? [] : [RESULT_UNREADABLE] };
}

/** The state and the last complete result: two requests. */
export async function readStoredAudit(
  client: JiraClient,
  projectKey: string,
): Promise<AuditState & { result: AuditResult | undefined }> {
  const state = await readAuditState(client, projectKey);
  const complete = state.status?.complete;
  if (!complete) return { ...state, result: undefined };
  const keys = Array.from({ length: complete.parts }, (_, i) => partKey(complete.slot, i));
  const parts = await getProjectProperties(client, projectKey, keys);
  const result = decodeResult(keys.map((k) => parts[k]));
  return { ...state, result, problems: result ? state.problems : [...state.problems, RESULT_UNREADABLE] };
}

/**
 * The most characters of JSON a stored result may inflate to: far above a real one (5,000 threats
 * and 10,000 stories: a few MB), and what a view can parse within its memory. The writer refuses a
 * larger one, so the reader's bound never hides a result the app stored.
 */
const RESULT_MAX_JSON = 64 * 1024 * 1024;
/** Twice what 64 MB of a real result holds (measured: 10,000 findings, 4.7 MB, 80,010 objects, 224,048 values). */
const RESULT_JSON_LIMITS = { containers: 2_000_000, values: 8_000_000 };
/** Far above a real finding (a few dozen values; its lists name a few hundred issues at most). */
const FINDING_MAX_NODES = 20_000;

/** The result, or undefined when a part is missing or broken, is not deflate, not JSON, or fails the schema. */
function decodeResult(parts: unknown[]): AuditResult | undefined {
  try {
    const data = parts.map((p) => Part.parse(p).data).join('');
    // Bounded: the parts are project properties its admins may write, and 400 parts of a deflated
    // stream of spaces inflate to gigabytes (found by an attacker's review).
    const json = inflateRawSync(Buffer.from(data, 'base64'), { maxOutputLength: RESULT_MAX_JSON }).toString('utf8');
    // Within what a real result of that size holds (about 21 bytes a value, 59 an object), and
    // its lists checked one element at a time: the parse of a hostile one stays bounded too.
    return parseWithLongLists(parseBoundedJson(json, RESULT_JSON_LIMITS), AuditResult, {
      findings: { element: Finding, maxNodes: FINDING_MAX_NODES },
      staleSuppressions: { element: z.string(), maxNodes: 1 },
    });
  } catch {
    return undefined;
  }
}

/** When the last complete audit finished, from a raw status value (null: none, or unreadable). */
export function completedAtOf(status: unknown): string | null {
  const parsed = AuditStatus.safeParse(status);
  return parsed.success ? (parsed.data.complete?.finishedAt ?? null) : null;
}

export const writeAuditStatus = (client: JiraClient, projectKey: string, status: AuditStatus) =>
  putProperty(client, projectEntity(projectKey), STATUS_KEY, status);

/**
 * Writes a result (and the run's story index, when given) to the free slot, then the status that
 * points at it; old parts beyond the new count are removed.
 */
export async function writeAuditResult(
  client: JiraClient,
  projectKey: string,
  status: AuditStatus,
  result: AuditResult,
  finishedAt: string,
  storyIndex?: StoryLinksIndex,
): Promise<AuditStatus> {
  const slot = status.complete ? 1 - status.complete.slot : 0;
  const json = Buffer.from(JSON.stringify(result), 'utf8');
  if (json.length > RESULT_MAX_JSON) throw new Error(`The audit result is too large to store (${json.length} bytes).`);
  const data = deflateRawSync(json).toString('base64');
  const chunks = Array.from({ length: Math.max(1, Math.ceil(data.length / PART_LIMIT)) }, (_, i) =>
    data.slice(i * PART_LIMIT, (i + 1) * PART_LIMIT),
  );
  if (chunks.length > 400) throw new Error(`The audit result is too large to store (${chunks.length} parts).`);
  for (let i = 0; i < chunks.length; i += 10) {
    await Promise.all(
      chunks
        .slice(i, i + 10)
        .map((chunk, j) => putProperty(client, projectEntity(projectKey), partKey(slot, i + j), { v: 1, data: chunk })),
    );
  }
  // The index only spares the views a read of every story: a write Jira refuses leaves the run
  // done, without it (the views then say the stories are not counted).
  const storyIndexParts = storyIndex
    ? await writeStoryIndex(client, projectKey, slot, storyIndex).catch((error: unknown) => {
        console.warn(`without-audit: story index not written (${String(error)})`);
        return undefined;
      })
    : undefined;
  const done: AuditStatus = {
    ...status,
    state: 'done',
    updatedAt: finishedAt,
    complete: {
      runId: status.runId,
      finishedAt,
      slot,
      parts: chunks.length,
      ...(result.coverage ? { coverage: result.coverage } : {}),
      ...(storyIndexParts ? { storyIndexParts } : {}),
    },
  };
  await writeAuditStatus(client, projectKey, done);
  // Parts beyond `parts` (left by an older, longer result in this slot) are never read.
  return done;
}

const readSuppressions = async (client: JiraClient, projectKey: string): Promise<StoredList<Suppression>> =>
  readListProperty(
    SUPPRESSIONS,
    (await getProjectProperties(client, projectKey, [SUPPRESSIONS_KEY]))[SUPPRESSIONS_KEY],
  );

/**
 * Changes the suppressions under a lease: two champions suppressing at once both keep theirs.
 * Broken entries are written back as stored; a list that cannot be read is refused.
 */
export async function changeSuppressions(
  client: JiraClient,
  projectKey: string,
  holder: string,
  change: (list: Suppression[]) => Suppression[],
): Promise<Suppression[]> {
  return withLease(propertyLock(client, projectEntity(projectKey), LOCK_KEY), { holder }, async () => {
    const stored = await readSuppressions(client, projectKey);
    requireWritable(SUPPRESSIONS, stored);
    const next = change(stored.entries);
    await putProperty(client, projectEntity(projectKey), SUPPRESSIONS_KEY, listValue(SUPPRESSIONS, stored, next));
    return next;
  });
}
