import type { MitigationRow, MitigationView, ThreatRow } from '../../contract';
import type { ThreatKnowledge } from '../../domain/knowledge-base/threat-knowledge-view';
import type { RiskSettings } from '../../domain/threat-model/risk-settings';
import { mitigationsByThreat } from '../../domain/threat-model/residual-risk';
import type { Threat } from '../../domain/threat-model/threat';
import { acceptanceState } from '../../domain/threat-model/threat-acceptance';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { latestVerification } from '../../domain/verification/verification-record';
import { storiesJqlOf } from './story-counts';

/** What every row of one answer is worked out from: read once per call, not per threat. */
export interface ThreatRowSources {
  projectKey: string;
  /** The clauses field's name, for the stories JQL. */
  fieldName: string;
  now: string;
  riskSettings: RiskSettings;
  /** The mitigations with their tasks' live statuses (all of the model's, or at least the threats'). */
  mitigations: MitigationView[];
  knowledge: Map<string, ThreatKnowledge>;
}

/** Rows of the threats from what the call read: their risk, acceptance, questions and counts. */
export function threatRowsOf(threats: Threat[], sources: ThreatRowSources): ThreatRow[] {
  const byThreat = mitigationsByThreat(asMitigations(sources.mitigations));
  return threats.map((t) => {
    const own = byThreat.get(t.id) ?? [];
    const knowledge = sources.knowledge.get(t.id) ?? { questionKeys: [], answeredQuestions: 0 };
    return {
      ...threatListFields(threatView(t)),
      risk: threatRisk(t, own, sources.riskSettings),
      acceptanceState: acceptanceState(t.acceptance, sources.now, t),
      mitigationCount: own.length,
      questionCount: knowledge.questionKeys.length,
      ...(knowledge.kbUpdate ? { updateFrom: knowledge.kbUpdate.fromVersion } : {}),
      // Counted per page of threats the tab shows (threat-model/story-counts), not by reading
      // every story of the project here.
      storyCount: null,
      storiesJql: storiesJqlOf(sources.projectKey, sources.fieldName, t.id),
      ...knowledge,
    };
  });
}

// The rows leave out what only a dialog shows (threat-model/threat-details answers it).

/** A threat without its edit receipt, import keys and detection events. */
function threatListFields({ lastEdit: _receipt, imported: _imported, detectionEvents: _events, ...shown }: ThreatView) {
  return shown;
}

/**
 * A mitigation without its long texts, stamps and import keys, and with only its newest
 * verification record: the one risk arithmetic reads (a failed one un-counts it).
 */
export function mitigationRow({
  implementation: _implementation,
  verification: _verification,
  created: _created,
  updated: _updated,
  imported: _imported,
  verifications,
  ...row
}: MitigationView): MitigationRow {
  const latest = latestVerification({ verifications });
  return latest ? { ...row, verifications: [latest] } : row;
}
