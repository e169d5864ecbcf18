import { z } from 'zod';
import { AppError } from '../common/app-error';
import { personText, storedText, type TextRule } from '../common/text-hygiene';
import type { Actor } from '../threat-model/threat-model';

export const SUPPRESSION_WHY_MIN = 10;
export const SUPPRESSION_WHY_MAX = 1000;

const WHY: TextRule = {
  label: 'A reason',
  min: SUPPRESSION_WHY_MIN,
  max: SUPPRESSION_WHY_MAX,
  multiline: true,
  tooShort: `Say why in at least ${SUPPRESSION_WHY_MIN} characters`,
  tooLong: `Say why in at most ${SUPPRESSION_WHY_MAX} characters`,
};

/** Why a finding is accepted, as the security champion writes it. */
export const SuppressionWhy = personText(WHY);

/**
 * A security champion's decision that a finding is accepted: who, when and why, for the record.
 * As stored: `why` is read as saved, so suppressions recorded before the text rule stay in force.
 */
export const Suppression = z.object({
  findingId: z.string().min(1).max(300),
  why: storedText(WHY),
  by: z.string().min(1).max(128),
  at: z.iso.datetime({ offset: true }),
});
export type Suppression = z.infer<typeof Suppression>;

/** A new suppression: the reason is checked as a person's text. */
const SuppressionDraft = Suppression.extend({ why: SuppressionWhy });

/** Adds a suppression, replacing an earlier one of the same finding. */
export function suppress(list: Suppression[], findingId: string, why: string, actor: Actor): Suppression[] {
  const parsed = SuppressionDraft.safeParse({ findingId, why, by: actor.accountId, at: actor.now });
  if (!parsed.success)
    throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'The suppression is not valid.');
  return [...list.filter((s) => s.findingId !== findingId), parsed.data];
}

export const unsuppress = (list: Suppression[], findingId: string): Suppression[] =>
  list.filter((s) => s.findingId !== findingId);
