import type { AuditView, ModelPartRemoval } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { deleteProperty, getProperty, projectEntity } from '../../jira/client/entity-properties';
import {
  readModelForWrite,
  removeUnreadableModelPart,
  replaceUnreadableMeta,
  type StoredThreatModel,
  type UnreadablePartRemoval,
} from '../../jira/threat-model/threat-model-repository';
import { shardKey } from '../../jira/threat-model/threat-model-shards';
import { requireProjectAdmin } from '../common/require-project-admin';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';
import { rawDigest, rawUnreadableValues, unreadableParts } from './unreadable-model-parts';

const changed = (what: string) =>
  new AppError('CONFLICT', `${what} changed since it was shown to you: look at it again before you remove it.`);

/**
 * The fix for a threat model the app cannot read whole: a project administrator, shown the raw
 * value of one unreadable part (and offered its download), removes exactly that part, only
 * while it is still the value they were shown (its digest), then the project is audited again.
 * Checked before anything is written; property deletes go as the person (Jira checks they
 * administer the project), a shard written again goes through the model's write path and lock.
 */
export async function removeUnreadablePart(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  removal: ModelPartRemoval,
): Promise<AuditView> {
  await requireProjectAdmin(jira.user, projectKey, 'remove an unreadable part of the threat model');
  // Every shard read, none taken from memory: the part removed is checked against what is stored now.
  const stored = await readModelForWrite(jira.app, projectKey, [], Date.now, { whole: true });
  if (removal.part.kind === 'meta' || stored.metaUnreadable) await removeWithoutLock(jira, projectKey, stored, removal);
  else
    await removeUnreadableModelPart(
      jira.app,
      jira.user,
      projectKey,
      accountId,
      (now) => chosen(jira, projectKey, now, removal),
      {
        firstRead: Promise.resolve(stored),
      },
    );
  await queueAuditRun(jira.app, queue, projectKey, accountId);
  return readAuditView(jira, projectKey, accountId, removal.view);
}

/**
 * With the meta unreadable nobody can write the model (every write is refused), so there is no
 * revision to key a lock by and none is needed: the meta is replaced with defaults, or a whole
 * unreadable shard deleted, once its value is checked. An entry of a readable shard waits for
 * readable settings.
 */
async function removeWithoutLock(
  jira: JiraClients,
  projectKey: string,
  stored: StoredThreatModel,
  { part, digest }: ModelPartRemoval,
): Promise<void> {
  const found = unreadableParts(stored, await rawUnreadableValues(jira.app, projectKey, stored));
  const target =
    part.kind === 'meta'
      ? found.find((f) => f.part.kind === 'meta')
      : found.find((f) => f.part.kind === part.kind && 'shard' in f.part && f.part.shard === part.shard);
  if (!target)
    throw new AppError(
      'CONFLICT',
      part.kind === 'meta'
        ? 'The threat model’s settings can be read now: nothing was removed. Run the audit again.'
        : `${shardKey(part.shard)} can be read now, or is gone: nothing was removed. Run the audit again.`,
    );
  if (target.refusal) throw new AppError('BAD_REQUEST', target.refusal);
  if (rawDigest(target.raw) !== digest) throw changed(target.name);
  // The meta is replaced with defaults rather than deleted: see replaceUnreadableMeta.
  if (part.kind === 'meta') await replaceUnreadableMeta(jira.user, projectKey, stored, target.raw);
  else await deleteProperty(jira.user, projectEntity(projectKey), target.property);
}

/**
 * The part to remove, as the model stands under the lock: a whole shard still unreadable and
 * still the value shown, or the entry of a readable shard with the digest shown (looked for by
 * digest when an entry before it went in the meantime).
 */
async function chosen(
  jira: JiraClients,
  projectKey: string,
  stored: StoredThreatModel,
  { part, digest }: ModelPartRemoval,
): Promise<UnreadablePartRemoval> {
  if (part.kind === 'meta') throw new AppError('CONFLICT', 'The threat model’s settings can be read now.');
  const property = shardKey(part.shard);
  if (part.kind === 'shard') {
    if (!stored.unreadable.includes(part.shard))
      throw new AppError(
        'CONFLICT',
        `${property} can be read now, or is gone: nothing was removed. Run the audit again.`,
      );
    if (rawDigest(await getProperty(jira.app, projectEntity(projectKey), property)) !== digest) throw changed(property);
    return { shard: part.shard };
  }
  const entries = stored.shards.find((s) => s.index === part.shard)?.unreadable ?? [];
  const entry =
    entries[part.entry] !== undefined && rawDigest(entries[part.entry]) === digest
      ? part.entry
      : entries.findIndex((e) => rawDigest(e) === digest);
  if (entry < 0) throw changed(`The entry of ${property}`);
  return { shard: part.shard, entry };
}
