import type { Mitigation } from '../mitigation/mitigation';
import type { ThreatModel } from '../threat-model/threat-model';

/** A story that points at threats, through its WITHOUT clauses or directly. */
export interface StoryLinks {
  key: string;
  clauses: Array<{ text: string; threatIds: string[] }>;
  directThreatIds: string[];
}

/** What an export reads: the model and the stories that carry its threats. */
export interface ExportSource {
  projectKey: string;
  projectName: string;
  model: ThreatModel;
  stories: StoryLinks[];
}

/** The stories of a threat, each with the texts of its clauses that name it. */
export const storiesOfThreat = (stories: StoryLinks[], threatId: string): Array<{ key: string; clauses: string[] }> =>
  stories
    .filter((s) => s.directThreatIds.includes(threatId) || s.clauses.some((c) => c.threatIds.includes(threatId)))
    .map((s) => ({ key: s.key, clauses: s.clauses.filter((c) => c.threatIds.includes(threatId)).map((c) => c.text) }));

export const mitigationsOfThreat = (model: ThreatModel, threatId: string): Mitigation[] =>
  model.mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId));

/** Resolved: it has mitigations that count, and every one of them is done. */
export function isFullyMitigated(model: ThreatModel, threatId: string): boolean {
  const counting = mitigationsOfThreat(model, threatId).filter((m) => m.status !== 'rejected');
  return counting.length > 0 && counting.every((m) => m.status === 'implemented' || m.status === 'existing');
}
