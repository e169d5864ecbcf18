import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { AuditResult } from '../domain/audit/audit-result';
import { Suppression } from '../domain/audit/suppression';
import { getProjectProperties, projectEntity, putProperty } from './entity-properties';
import type { JiraClient } from './jira-client';
import { propertyLock, withLease } from './property-lease';

// Where audits live: a status property (state, progress, the last complete run), the result of
// the last complete run in deflated parts of at most 30,000 characters, written to the slot the
// status does not point at and then switched to, so readers never see half a result; and the
// suppressions, which outlive runs.

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
  complete: z.object({ runId: z.string(), finishedAt: z.string(), slot: z.number().int().min(0).max(1), parts: z.number().int().min(1).max(400) }).optional(),
});
export type AuditStatus = z.infer<typeof AuditStatus>;

const Suppressions = z.object({ v: z.literal(1), list: z.array(Suppression) });
const Part = z.object({ v: z.literal(1), data: z.string() });

export interface AuditState {
  status: AuditStatus | undefined;
  suppressions: Suppression[];
  problems: string[];
}

/** The run status and the suppressions: one request. */
export async function readAuditState(client: JiraClient, projectKey: string): Promise<AuditState> {
  const stored = await getProjectProperties(client, projectKey, [STATUS_KEY, SUPPRESSIONS_KEY]);
  const problems: string[] = [];
  const status = stored[STATUS_KEY] === undefined ? undefined : AuditStatus.safeParse(stored[STATUS_KEY]);
  if (status && !status.success) problems.push(`The stored audit status (${STATUS_KEY}) is not valid; run the audit again.`);
  const suppressions = stored[SUPPRESSIONS_KEY] === undefined ? undefined : Suppressions.safeParse(stored[SUPPRESSIONS_KEY]);
  if (suppressions && !suppressions.success) problems.push(`The stored suppressions (${SUPPRESSIONS_KEY}) are not valid and were ignored.`);
  return { status: status?.success ? status.data : undefined, suppressions: suppressions?.success ? suppressions.data.list : [], problems };
}

/** The state and the last complete result: two requests. */
export async function readStoredAudit(client: JiraClient, projectKey: string): Promise<AuditState & { result: AuditResult | undefined }> {
  const state = await readAuditState(client, projectKey);
  const complete = state.status?.complete;
  if (!complete) return { ...state, result: undefined };
  const keys = Array.from({ length: complete.parts }, (_, i) => partKey(complete.slot, i));
  const parts = await getProjectProperties(client, projectKey, keys);
  const result = decodeResult(keys.map((k) => parts[k]));
  return { ...state, result, problems: result ? state.problems : [...state.problems, 'The stored audit result cannot be read; run the audit again.'] };
}

function decodeResult(parts: unknown[]): AuditResult | undefined {
  try {
    const data = parts.map((p) => Part.parse(p).data).join('');
    return JSON.parse(inflateRawSync(Buffer.from(data, 'base64')).toString('utf8')) as AuditResult;
  } catch {
    return undefined;
  }
}

export const writeAuditStatus = (client: JiraClient, projectKey: string, status: AuditStatus) => putProperty(client, projectEntity(projectKey), STATUS_KEY, status);

/** Writes a result to the free slot, then the status that points at it; old parts beyond the new count are removed. */
export async function writeAuditResult(client: JiraClient, projectKey: string, status: AuditStatus, result: AuditResult, finishedAt: string): Promise<AuditStatus> {
  const slot = status.complete ? 1 - status.complete.slot : 0;
  const data = deflateRawSync(Buffer.from(JSON.stringify(result), 'utf8')).toString('base64');
  const chunks = Array.from({ length: Math.max(1, Math.ceil(data.length / PART_LIMIT)) }, (_, i) => data.slice(i * PART_LIMIT, (i + 1) * PART_LIMIT));
  if (chunks.length > 400) throw new Error(`The audit result is too large to store (${chunks.length} parts).`);
  for (let i = 0; i < chunks.length; i += 10) {
    await Promise.all(chunks.slice(i, i + 10).map((chunk, j) => putProperty(client, projectEntity(projectKey), partKey(slot, i + j), { v: 1, data: chunk })));
  }
  const done: AuditStatus = { ...status, state: 'done', updatedAt: finishedAt, complete: { runId: status.runId, finishedAt, slot, parts: chunks.length } };
  await writeAuditStatus(client, projectKey, done);
  // Parts beyond `parts` (left by an older, longer result in this slot) are never read.
  return done;
}

/** Changes the suppressions under a lease: two champions suppressing at once both keep theirs. */
export async function changeSuppressions(client: JiraClient, projectKey: string, holder: string, change: (list: Suppression[]) => Suppression[]): Promise<Suppression[]> {
  return withLease(propertyLock(client, projectEntity(projectKey), LOCK_KEY), { holder }, async () => {
    const { suppressions } = await readAuditState(client, projectKey);
    const next = change(suppressions);
    await putProperty(client, projectEntity(projectKey), SUPPRESSIONS_KEY, { v: 1, list: next });
    return next;
  });
}
