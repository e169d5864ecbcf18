import { z } from 'zod';
import { mitigationView } from '../mitigation/mitigation-view';
import { EXPOSURE_TIERS } from '../threat-model/risk-settings';
import { toleranceOf } from '../threat-model/exposure-tier';
import { projectRisk } from '../threat-model/residual-risk';
import { asMitigations } from '../threat-model/threat-risk';
import type { AuditIndex } from './audit-index';

/** The project's risk at the audit, against the risk it tolerates. */
export const AuditRisk = z.object({
  now: z.number().min(0),
  planned: z.number().min(0),
  inherent: z.number().min(0),
  tolerance: z.number().min(0),
  tier: z.enum(EXPOSURE_TIERS),
  aboveTolerance: z.boolean(),
});
export type AuditRisk = z.infer<typeof AuditRisk>;

/**
 * The project risk as the Threat model tab shows it: the mitigations' statuses from their
 * recorded tasks (a task the model does not record counts for nothing), the same residual risk,
 * and the same planned work (a recorded task in an open sprint carries `inOpenSprint` along).
 */
export function auditRisk(index: AuditIndex): AuditRisk {
  const { settings, threats, mitigations } = index.input.model;
  const tasks = new Map(index.tasks.map(({ task }) => [task.id, task]));
  const live = asMitigations(mitigations.map((m) => mitigationView(m, tasks, settings.statusMapping)));
  const risk = projectRisk(threats, live, settings.risk);
  const tolerance = toleranceOf(settings.risk);
  return { ...risk, tolerance, tier: settings.risk.tier, aboveTolerance: risk.now > tolerance };
}
