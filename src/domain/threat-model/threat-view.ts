import { z } from 'zod';
import { severityOf, type Severity } from './severity';
import type { Threat } from './threat';

/** A threat as the UI shows it: the stored threat with its severity worked out. */
export type ThreatView = Threat & { severity: Severity };

export const threatView = (threat: Threat): ThreatView => ({ ...threat, severity: severityOf(threat) });

/** A threat id a story points at that the model does not have (deleted, or typed by hand). */
export const UnknownThreatRef = z.object({ id: z.string(), reason: z.enum(['unknown', 'retired']) });
