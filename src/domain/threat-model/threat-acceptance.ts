import { z } from 'zod';
import { AppError } from '../common/app-error';
import { personText, storedText, type TextRule } from '../common/text-hygiene';

// A person the settings allow accepts a threat's residual risk, with a reason, until a date: the
// product owner's "what makes the risk acceptable". While it holds, the audit stops asking for a
// mitigation; once the date has passed it is a finding of its own. Every acceptance and
// revocation stays in the threat's history (who, when, why), newest last, bounded.

/** An acceptance runs out at most this many days after it is given: risk is looked at again at least yearly. */
export const ACCEPTANCE_MAX_DAYS = 365;
/** Entries kept in a threat's acceptance history (the oldest go first): a threat record stays small. */
export const ACCEPTANCE_HISTORY_MAX = 20;

const REASON: TextRule = {
  label: 'A reason',
  min: 10,
  max: 1000,
  multiline: true,
  tooShort: 'Say why the risk is acceptable, in at least 10 characters',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const AcceptanceDate = z.string().regex(DAY, 'A date looks like 2026-12-31');

/** What a person sends to accept a threat's risk. */
export const AcceptanceDraft = z.object({ reason: personText(REASON), until: AcceptanceDate });
export type AcceptanceDraft = z.infer<typeof AcceptanceDraft>;

/** The acceptance in force (or run out), as stored on the threat; fields a newer version adds ride along. */
export const RiskAcceptance = z.looseObject({
  accountId: z.string(),
  at: z.string(),
  reason: storedText(REASON),
  /** The last day it holds (UTC): from the next day on it has expired. */
  until: AcceptanceDate,
});
export type RiskAcceptance = z.infer<typeof RiskAcceptance>;

export const AcceptanceEvent = z.looseObject({
  action: z.enum(['accepted', 'revoked']),
  accountId: z.string(),
  at: z.string(),
  reason: z.string().max(1000),
  /** For an acceptance: its last day. */
  until: AcceptanceDate.optional(),
});
export type AcceptanceEvent = z.infer<typeof AcceptanceEvent>;

export const AcceptanceHistory = z.array(AcceptanceEvent).max(ACCEPTANCE_HISTORY_MAX * 2);

export type AcceptanceState = 'none' | 'accepted' | 'expired';

const dayOf = (iso: string): string => iso.slice(0, 10);

/** Whether the threat's acceptance holds on `now` (ISO), has run out, or there is none. */
export function acceptanceState(acceptance: RiskAcceptance | undefined, now: string): AcceptanceState {
  if (!acceptance) return 'none';
  return acceptance.until >= dayOf(now) ? 'accepted' : 'expired';
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last day an acceptance given on `now` may run to. */
export const latestUntil = (now: string): string => addDays(dayOf(now), ACCEPTANCE_MAX_DAYS);

/** An expiry after today and at most ACCEPTANCE_MAX_DAYS ahead; a clear error otherwise. */
export function checkUntil(until: string, now: string): void {
  const today = dayOf(now);
  if (Number.isNaN(Date.parse(`${until}T00:00:00Z`)) || addDays(until, 0) !== until)
    throw new AppError('BAD_REQUEST', `${until} is not a date.`);
  if (until <= today) throw new AppError('BAD_REQUEST', `The acceptance must run until a day after today (${today}).`);
  const latest = latestUntil(now);
  if (until > latest)
    throw new AppError(
      'BAD_REQUEST',
      `An acceptance runs for at most ${ACCEPTANCE_MAX_DAYS} days: choose ${latest} or earlier, and accept again then if the risk is still acceptable.`,
    );
}

/** The history with one more entry, the oldest dropped beyond the bound. */
export const withEvent = (history: AcceptanceEvent[] | undefined, event: AcceptanceEvent): AcceptanceEvent[] =>
  [...(history ?? []), event].slice(-ACCEPTANCE_HISTORY_MAX);
