import {
  indexEntry,
  listRow,
  storiesJqlFrom,
  type MitigationView,
  type ThreatIndexEntry,
  type ThreatListRow,
  type ThreatModelView,
  type ThreatRow,
} from '../../../../src/contract';
import { answeredCount } from '../../../../src/domain/threat-model/question-answer';
import { severityOf } from '../../../../src/domain/threat-model/severity';
import { acceptanceState } from '../../../../src/domain/threat-model/threat-acceptance';
import { threatRisk } from '../../../../src/domain/threat-model/threat-risk';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { mitigationsAddressing, type FullThreats } from './full-threats';

// A change answers with the one threat or mitigation it saved. Putting it in place at once, in
// the index and in the full rows read, with the risk that follows from it, keeps the page right
// until the model is read again.

type IndexFields = Omit<ThreatListRow, 'storyCount' | 'storiesJql' | 'description'>;

/** The index with a saved threat in place (or added), and the project's risk summed again. */
export function indexWithThreat(view: ThreatModelView, saved: ThreatView, full: FullThreats): ThreatModelView {
  const at = view.index.entries.findIndex((entry) => entry[0] === saved.id);
  const old = at < 0 ? undefined : listRow(view.index.entries[at]!, view.index.storiesJql);
  const entry = indexEntry(savedFields(saved, old, full.threats.get(saved.id), view.riskPolicy.today));
  const entries = at < 0 ? [...view.index.entries, entry] : view.index.entries.map((e, i) => (i === at ? entry : e));
  return withRisk({ ...view, index: { ...view.index, entries } });
}

/** The full rows with a saved threat in place: a threat just created is read in full already (it has nothing else). */
export function fullWithThreat(full: FullThreats, saved: ThreatView, view: ThreatModelView): FullThreats {
  const cached = full.threats.get(saved.id);
  const entry = view.index.entries.find((e) => e[0] === saved.id);
  const old = entry ? listRow(entry, view.index.storiesJql) : undefined;
  if (!cached && old) return full; // not on screen: read when it is
  const fields = savedFields(saved, old, cached, view.riskPolicy.today);
  const { lastEdit: _receipt, imported: _imported, detectionEvents: _events, ...shown } = saved;
  const kbUpdate = fields.updateFrom !== undefined ? cached?.kbUpdate : undefined;
  const row: ThreatRow = {
    ...shown,
    ...fields,
    storyCount: cached?.storyCount ?? null,
    storiesJql: cached?.storiesJql ?? storiesJqlFrom(view.index.storiesJql, saved.id),
    questionKeys: cached?.questionKeys ?? [],
    ...(kbUpdate ? { kbUpdate } : {}),
  };
  const threats = new Map(full.threats).set(saved.id, row);
  const mitigations = cached ? full.mitigations : new Map(full.mitigations).set(saved.id, []);
  return { ...full, threats, mitigations };
}

/**
 * A saved mitigation in the lists of the threats read in full (added, replaced, or taken out
 * of a threat it no longer addresses), and those threats' risk worked out again, in the full
 * rows and the index. Threats not read in full follow with the next read of the model.
 */
export function withMitigation(
  view: ThreatModelView,
  full: FullThreats,
  saved: MitigationView,
): { view: ThreatModelView; full: FullThreats } {
  const threats = new Map(full.threats);
  const mitigations = new Map(full.mitigations);
  for (const [threatId, list] of full.mitigations) {
    const addresses = saved.addresses.some((a) => a.threatId === threatId);
    const had = list.some((m) => m.id === saved.id);
    if (!addresses && !had) continue;
    const next = mitigationsAddressing(
      had ? list.flatMap((m) => (m.id !== saved.id ? [m] : addresses ? [saved] : [])) : [...list, saved],
      threatId,
    );
    mitigations.set(threatId, next);
    const threat = threats.get(threatId);
    if (threat)
      threats.set(threatId, {
        ...threat,
        risk: threatRisk(threat, next, view.riskPolicy.settings),
        mitigationCount: next.length,
      });
  }
  const entries = view.index.entries.map((entry): ThreatIndexEntry => {
    const threat = threats.get(entry[0]);
    if (!threat || threat === full.threats.get(entry[0])) return entry;
    const row = listRow(entry, view.index.storiesJql);
    return indexEntry({ ...row, risk: threat.risk, mitigationCount: threat.mitigationCount });
  });
  return {
    view: withRisk({ ...view, index: { ...view.index, entries } }),
    full: { ...full, threats, mitigations },
  };
}

/**
 * The index fields of a saved threat. Its risk is its severity times the share its mitigations
 * leave, and that share does not depend on the severity: a new rating scales the risk read.
 */
function savedFields(
  saved: ThreatView,
  old: ThreatListRow | undefined,
  cached: ThreatRow | undefined,
  today: string,
): IndexFields {
  const severity = severityOf(saved);
  const scale = old ? severity.score / old.severity.score : 1;
  const risk = old
    ? {
        residual: old.risk.residual * scale,
        planned: old.risk.planned * scale,
        fullyMitigated: old.risk.fullyMitigated,
      }
    : { residual: severity.score, planned: severity.score, fullyMitigated: false };
  // An update taken or declined moves the threat's source version on from the update's: its notice goes.
  const pending = old?.updateFrom;
  const updateFrom =
    pending !== undefined && saved.source.kind === 'knowledge-base' && saved.source.version === pending
      ? pending
      : undefined;
  return {
    id: saved.id,
    title: saved.title,
    stride: saved.stride,
    probability: saved.probability,
    impact: saved.impact,
    severity,
    component: saved.component,
    state: saved.state,
    revision: saved.revision,
    risk,
    mitigationCount: old?.mitigationCount ?? 0,
    questionCount: old?.questionCount ?? 0,
    answeredQuestions: cached ? answeredCount(cached.questionKeys, saved.answers) : (old?.answeredQuestions ?? 0),
    acceptanceState: acceptanceState(saved.acceptance, today, saved),
    ...(saved.acceptance ? { acceptance: saved.acceptance } : {}),
    ...(updateFrom !== undefined ? { updateFrom } : {}),
  };
}

/** The project's risk: what is left of the active threats' risk now, once planned, and before any mitigation. */
function withRisk(view: ThreatModelView): ThreatModelView {
  let now = 0;
  let planned = 0;
  let inherent = 0;
  for (const [, , , probability, impact, , retired, , residual, plannedRisk] of view.index.entries) {
    if (retired === 1) continue;
    now += residual;
    planned += plannedRisk;
    inherent += probability * impact;
  }
  return { ...view, risk: { now, planned, inherent } };
}
