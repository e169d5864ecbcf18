import { z } from 'zod';
import { AppError } from '../common/app-error';
import { personText, storedText, type TextRule } from '../common/text-hygiene';

// A person the settings allow accepts a threat's residual risk, with a reason, until a date: the
// product owner's "what makes the risk acceptable". While it holds, the audit stops asking for a
// mitigation; once the date has passed it is a finding of its own. Every acceptance and
// revocation stays in the threat's history (who, when, why), newest last, bounded.
// An acceptance is of the risk as it was: it records the probability and impact accepted, and
// lapses (counts as run out) as soon as the threat is rated more severe than that, whoever
// raised it. Acceptances stored before the severity was recorded keep holding until their date.

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

const Rating = z.number().int().min(1).max(5);
/** The threat's probability and impact when its risk was accepted. */
export const AcceptedSeverity = z.object({ probability: Rating, impact: Rating });
export type AcceptedSeverity = z.infer<typeof AcceptedSeverity>;

/** The acceptance in force (or run out), as stored on the threat; fields a newer version adds ride along. */
export const RiskAcceptance = z.looseObject({
  accountId: z.string(),
  at: z.string(),
  reason: storedText(REASON),
  /** The last day it holds (UTC): from the next day on it has expired. */
  until: AcceptanceDate,
  /** The severity accepted; absent in acceptances given before it was recorded. */
  severity: AcceptedSeverity.optional(),
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

/** What an acceptance is measured against: the threat as it is rated now. */
export interface RatedThreat {
  probability: number;
  impact: number;
}

/** The severity (probability x impact) accepted and the one now, when it has risen since; else undefined. */
export function severityRise(
  acceptance: RiskAcceptance,
  threat: RatedThreat,
): { accepted: number; now: number } | undefined {
  if (!acceptance.severity) return undefined;
  const accepted = acceptance.severity.probability * acceptance.severity.impact;
  const now = threat.probability * threat.impact;
  return now > accepted ? { accepted, now } : undefined;
}

/** "accepted at severity 1; now 25" */
export const severityRiseText = (rise: { accepted: number; now: number }): string =>
  `accepted at severity ${rise.accepted}; now ${rise.now}`;

/**
 * Whether the threat's acceptance holds on `now` (ISO), has run out, or there is none. One whose
 * threat is now rated more severe than when it was accepted has run out too (see severityRise).
 */
export function acceptanceState(
  acceptance: RiskAcceptance | undefined,
  now: string,
  threat: RatedThreat,
): AcceptanceState {
  if (!acceptance) return 'none';
  if (acceptance.until < dayOf(now)) return 'expired';
  return severityRise(acceptance, threat) ? 'expired' : 'accepted';
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
