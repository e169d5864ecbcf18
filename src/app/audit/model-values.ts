import type { ModelValues, ModelValuesQuery, UnreadableModelPart } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { SHOWN_CHARACTERS } from '../../domain/audit/value-fixes';
import { isProjectAdmin, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import {
  rawDigest,
  rawJson,
  rawUnreadableValues,
  samePart,
  unreadableParts,
  type FoundPart,
} from './unreadable-model-parts';

/** Parts listed at most: a shard may hold hundreds of broken entries; the rest follow as these go. */
const LISTED = 20;

/**
 * The parts of the threat model the app cannot read, raw, with what removing each does: what the
 * fix shows before anything is removed. Read as the person (Jira answers only for a project they
 * may browse), beside whether they administer it (only they may remove a part). With `part`,
 * that one with its whole raw value, for a download.
 */
export async function modelValues(
  jira: JiraClients,
  projectKey: string,
  { part }: ModelValuesQuery,
): Promise<ModelValues> {
  const admin = isProjectAdmin(jira, projectKey);
  admin.catch(() => undefined); // the model's refusal comes first
  const stored = await threatModelOf(jira, projectKey);
  const found = unreadableParts(stored, await rawUnreadableValues(jira.user, projectKey, stored));
  const canRemove = await admin;
  if (part) {
    const one = found.find((f) => samePart(f.part, part));
    if (!one)
      throw new AppError('NOT_FOUND', 'That part of the threat model is no longer unreadable: run the audit again.');
    return { parts: [{ ...shown(one), whole: rawJson(one.raw) }], more: 0, canRemove };
  }
  return { parts: found.slice(0, LISTED).map(shown), more: Math.max(0, found.length - LISTED), canRemove };
}

function shown(found: FoundPart): UnreadableModelPart {
  const compact = rawJson(found.raw);
  const pretty = JSON.stringify(found.raw ?? null, null, 2);
  return {
    part: found.part,
    property: found.property,
    name: found.name,
    text: pretty.length > SHOWN_CHARACTERS ? pretty.slice(0, SHOWN_CHARACTERS) : pretty,
    truncated: pretty.length > SHOWN_CHARACTERS,
    size: compact.length,
    digest: rawDigest(found.raw),
    consequence: found.consequence,
    refusal: found.refusal,
  };
}
