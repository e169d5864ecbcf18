import { AppError } from '../common/app-error';
import { isSameEdit, receiptFor } from '../common/edit-receipt';
import { type AcceptanceDraft, checkUntil, withEvent } from './threat-acceptance';
import type { Threat } from './threat';
import { type Actor, checkRevision, findThreat, reviseThreat, type ThreatModel } from './threat-model';

type Changed = { model: ThreatModel; threat: Threat };

/** The stored threat when this very change was the last one (a retry after a lost answer), else undefined. */
/**
 * The start of an acceptance change: the threat, and either the threat as the same change left
 * it (a retry: nothing to do) or, once its revision is checked, the receipt the change records.
 */
function openChange(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  values: unknown,
  actor: Actor,
): { done: Threat } | { current: Threat; receipt: ReturnType<typeof receiptFor> } {
  const current = findThreat(model, id);
  const receipt = receiptFor(actor.accountId, baseRevision, values);
  if (current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt)) return { done: current };
  checkRevision(current, baseRevision);
  return { current, receipt };
}

/**
 * Accepts the residual risk of an active threat until a day (after today, within a year), with
 * a reason; a new acceptance replaces the one in force. Recorded in the threat's history.
 */
export function acceptThreatRisk(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  draft: AcceptanceDraft,
  actor: Actor,
): Changed {
  const change = openChange(model, id, baseRevision, { accept: draft }, actor);
  if ('done' in change) return { model, threat: change.done };
  const { current, receipt } = change;
  if (current.state !== 'active')
    throw new AppError('BAD_REQUEST', `${id} is retired: there is no risk of it to accept.`);
  checkUntil(draft.until, actor.now);
  const acceptance = {
    accountId: actor.accountId,
    at: actor.now,
    reason: draft.reason,
    until: draft.until,
    // What was accepted: a later rise in severity, by anyone, ends it (see severityRise).
    severity: { probability: current.probability, impact: current.impact },
  };
  return reviseThreat(
    model,
    {
      ...current,
      acceptance,
      acceptanceHistory: withEvent(current.acceptanceHistory, { action: 'accepted', ...acceptance }),
      lastEdit: receipt,
    },
    actor,
  );
}

/** Ends the threat's acceptance (in force or expired) now; the history keeps it and who ended it, why. */
export function revokeThreatAcceptance(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  reason: string,
  actor: Actor,
): Changed {
  const change = openChange(model, id, baseRevision, { revoke: reason }, actor);
  if ('done' in change) return { model, threat: change.done };
  const { current, receipt } = change;
  if (!current.acceptance)
    throw new AppError('BAD_REQUEST', `${id}'s risk is not accepted: there is nothing to revoke.`);
  const { acceptance: _ended, ...rest } = current;
  return reviseThreat(
    model,
    {
      ...rest,
      acceptanceHistory: withEvent(current.acceptanceHistory, {
        action: 'revoked',
        accountId: actor.accountId,
        at: actor.now,
        reason,
      }),
      lastEdit: receipt,
    },
    actor,
  );
}
