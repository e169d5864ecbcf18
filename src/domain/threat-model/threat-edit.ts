import { z } from 'zod';
import { ThreatDraft } from './threat';
import type { Threat } from './threat';
import { editThreat, setThreatState, type Actor, type ThreatModel } from './threat-model';
import { ThreatId } from '../story/without-clause';
import { isSameEdit, receiptFor, type EditReceipt } from '../common/edit-receipt';

/**
 * A change to one threat, as data: what a person asked for, so it can wait in the model's edit
 * queue and be applied by whoever holds the model's lease (see jira/threat-edit-queue.ts).
 * Both kinds carry the revision they started from, and a retry of either is recognised.
 */
export const ThreatEditRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('update-threat'),
    id: ThreatId,
    baseRevision: z.number().int().min(1),
    draft: ThreatDraft,
  }),
  z.object({
    kind: z.literal('set-threat-state'),
    id: ThreatId,
    baseRevision: z.number().int().min(1),
    state: z.enum(['active', 'retired']),
  }),
]);
export type ThreatEditRequest = z.infer<typeof ThreatEditRequest>;

/** The receipt the threat keeps once this edit is applied (see edit-receipt.ts). */
export const receiptOf = (edit: ThreatEditRequest, accountId: string): EditReceipt =>
  receiptFor(accountId, edit.baseRevision, edit.kind === 'update-threat' ? edit.draft : { state: edit.state });

/** Whether the threat's last edit is this one: how a writer learns its queued edit was applied. */
export const wasApplied = (threat: Threat | undefined, edit: ThreatEditRequest, accountId: string): boolean =>
  isSameEdit(threat?.lastEdit, receiptOf(edit, accountId));

export function applyThreatEdit(
  model: ThreatModel,
  edit: ThreatEditRequest,
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  return edit.kind === 'update-threat'
    ? editThreat(model, edit.id, edit.baseRevision, edit.draft, actor)
    : setThreatState(model, edit.id, edit.baseRevision, edit.state, actor);
}
