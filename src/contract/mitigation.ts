import { z } from 'zod';
import { MitigationDraft } from '../domain/mitigation/mitigation';
import type { MitigationView, TaskSummary } from '../domain/mitigation/mitigation-view';
import type { ThreatRisk } from '../domain/threat-model/threat-risk';
import type { ThreatView } from '../domain/threat-model/threat-view';
import { endpoint } from './endpoint';

export type { MitigationView, TaskSummary };

export const MitigationAdd = z.object({ draft: MitigationDraft });
export type MitigationAdd = z.infer<typeof MitigationAdd>;

export const MitigationEdit = z.object({
  id: z.string(),
  baseRevision: z.number().int().min(1),
  draft: MitigationDraft,
});
export type MitigationEdit = z.infer<typeof MitigationEdit>;

export const MitigationId = z.string().regex(/^M-\d+$/, 'A mitigation id looks like M-4');
export const TaskCreation = z.object({ mitigationId: MitigationId });
export type TaskCreation = z.infer<typeof TaskCreation>;

/** The issue panel on a mitigation task: what it mitigates, why, and how to verify it. */
export interface TaskView {
  issueKey: string;
  mitigation: MitigationView;
  threats: Array<ThreatView & { risk: ThreatRisk }>;
  stories: Array<{ key: string; summary: string; clauses: Array<{ text: string; threatIds: string[] }> }>;
}

export const mitigationEndpoints = {
  'mitigation/add': endpoint<MitigationView>()(MitigationAdd),
  'mitigation/update': endpoint<MitigationView>()(MitigationEdit),
  'mitigation/create-task': endpoint<MitigationView>()(TaskCreation),
};
