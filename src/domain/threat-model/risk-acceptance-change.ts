import { AppError } from '../common/app-error';
import { isSameEdit, receiptFor } from '../common/edit-receipt';
import { type AcceptanceDraft, checkUntil, withEvent } from './threat-acceptance';
import type { Threat } from './threat';
import { type Actor, checkRevision, findThreat, reviseThreat, type ThreatModel } from './threat-model';

type Changed = { model: ThreatModel; threat: Threat };

/** The stored threat when this very change was the last one (a retry after a lost answer), else undefined. */
function alreadyDone(current: Threat, actor: Actor, baseRevision: number, values: unknown): Threat | undefined {
  const receipt = receiptFor(actor.accountId, baseRevision, values);
  return current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt) ? current : undefined;
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
  const current = findThreat(model, id);
  const values = { accept: draft };
  const done = alreadyDone(current, actor, baseRevision, values);
  if (done) return { model, threat: done };
  checkRevision(current, baseRevision);
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
      lastEdit: receiptFor(actor.accountId, baseRevision, values),
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
  const current = findThreat(model, id);
  const values = { revoke: reason };
  const done = alreadyDone(current, actor, baseRevision, values);
  if (done) return { model, threat: done };
  checkRevision(current, baseRevision);
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
      lastEdit: receiptFor(actor.accountId, baseRevision, values),
    },
    actor,
  );
}
