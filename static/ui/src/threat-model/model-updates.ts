import { answeredCount } from '../../../../src/domain/threat-model/question-answer';
import { projectRisk } from '../../../../src/domain/threat-model/residual-risk';
import type { MitigationRow, MitigationView, ThreatModelView, ThreatRow } from '../../../../src/contract';
import { threatRisk } from '../../../../src/domain/threat-model/threat-risk';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { acceptanceState } from '../../../../src/domain/threat-model/threat-acceptance';

// A change answers with the one threat or mitigation it saved. Putting it in place at once,
// with the risk that follows from it, keeps the page right until the model is read again.

/** The model with a saved threat in place (or added), and the risks recomputed. */
export function withThreat(model: ThreatModelView, saved: ThreatView): ThreatModelView {
  const existing = model.threats.find((row) => row.id === saved.id);
  // A threat just created has no stories yet, and its questions come with the next read of the model.
  const questionKeys = existing?.questionKeys ?? [];
  // An update taken or declined moves the threat's source version on from the update's: its notice goes.
  const pending = existing?.kbUpdate;
  const kbUpdate =
    pending && saved.source.kind === 'knowledge-base' && saved.source.version === pending.fromVersion
      ? { kbUpdate: pending }
      : {};
  const row: ThreatRow = {
    ...saved,
    risk: threatRisk(saved, model.mitigations, model.riskPolicy.settings),
    acceptanceState: acceptanceState(saved.acceptance, model.riskPolicy.today, saved),
    storyCount: existing?.storyCount ?? 0,
    storiesJql: existing?.storiesJql ?? '',
    questionKeys,
    answeredQuestions: answeredCount(questionKeys, saved.answers),
    ...kbUpdate,
  };
  const threats = existing ? model.threats.map((t) => (t.id === saved.id ? row : t)) : [...model.threats, row];
  return withRisk({ ...model, threats });
}

/** The model with a saved mitigation in place (or added), and the risks recomputed. */
export function withMitigation(model: ThreatModelView, saved: MitigationView): ThreatModelView {
  const exists = model.mitigations.some((m) => m.id === saved.id);
  const mitigations = exists
    ? model.mitigations.map((m) => (m.id === saved.id ? saved : m))
    : [...model.mitigations, saved];
  const threats = model.threats.map((threat) => ({
    ...threat,
    risk: threatRisk(threat, mitigations, model.riskPolicy.settings),
  }));
  return withRisk({ ...model, threats, mitigations });
}

function withRisk(model: ThreatModelView): ThreatModelView {
  const { now, planned, inherent } = projectRisk(model.threats, model.mitigations, model.riskPolicy.settings);
  return { ...model, risk: { now, planned, inherent } };
}

/** The mitigations that address a threat, rejected ones last. */
export function mitigationsOf(model: Pick<ThreatModelView, 'mitigations'>, threatId: string): MitigationRow[] {
  return model.mitigations
    .filter((m) => m.addresses.some((a) => a.threatId === threatId))
    .sort((a, b) => Number(a.status === 'rejected') - Number(b.status === 'rejected'));
}
