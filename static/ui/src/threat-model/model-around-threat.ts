import {
  listRows,
  type MitigationRow,
  type MitigationView,
  type StrideQuestionView,
  type ThreatListRow,
  type ThreatModelView,
} from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { callResolver } from '../api/invoke-resolver';
import { NO_FULL_THREATS, withAnswer, type FullThreats } from './full-threats';
import * as updates from './model-updates';

/**
 * The threat model as a dialog outside the Threat model tab needs it (an audit finding's fix):
 * every threat as the index lists it, and one threat read in full with its mitigations.
 */
export interface ModelAroundThreat extends ThreatModelView {
  threats: ThreatListRow[];
  full: FullThreats;
  questions: Readonly<Record<string, StrideQuestionView>>;
}

const around = (view: ThreatModelView, full: FullThreats): ModelAroundThreat => ({
  ...view,
  threats: listRows(view.index),
  full,
  questions: full.questions,
});

/** The index, then the threat in full (two calls); the threat is absent from `full` when the model has it no more. */
export async function readModelAround(threatId: string): Promise<Envelope<ModelAroundThreat>> {
  const view = await callResolver('threat-model/get', {});
  if (!view.ok) return view;
  if (!view.data.index.entries.some((entry) => entry[0] === threatId))
    return { ok: true, data: around(view.data, NO_FULL_THREATS) };
  const page = await callResolver('threat-model/threats', { ids: [threatId] });
  if (!page.ok) return page;
  return { ok: true, data: around(view.data, withAnswer(NO_FULL_THREATS, [threatId], page.data)) };
}

/** The model with a saved threat in place (see model-updates). */
export const withThreat = (model: ModelAroundThreat, saved: ThreatView): ModelAroundThreat =>
  around(updates.indexWithThreat(model, saved, model.full), updates.fullWithThreat(model.full, saved, model));

/** The model with a saved mitigation in place (see model-updates). */
export function withMitigation(model: ModelAroundThreat, saved: MitigationView): ModelAroundThreat {
  const next = updates.withMitigation(model, model.full, saved);
  return around(next.view, next.full);
}

/** The mitigations of a threat read in full, rejected ones last. */
export const mitigationsOf = (model: ModelAroundThreat, threatId: string): MitigationRow[] =>
  model.full.mitigations.get(threatId) ?? [];
