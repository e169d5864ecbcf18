import { z } from 'zod';
import { refuseReservedName } from '../input-limits';

/** The parts of an OWASP Threat Dragon v2 model that the import reads; the rest passes through. */

const Text = z.string().default('');

export const ThreatDragonThreat = z.looseObject({
  // The id becomes the threat's id, which keys lookups.
  id: z.string().trim().min(1).superRefine(refuseReservedName).optional(),
  title: Text,
  type: Text,
  modelType: Text,
  status: Text,
  severity: Text,
  description: Text,
  mitigation: Text,
  score: z.union([z.string(), z.number()]).optional(),
});
export type ThreatDragonThreat = z.infer<typeof ThreatDragonThreat>;

const Cell = z.looseObject({
  id: z.string().optional(),
  // Boundaries and text blocks have data without threats; some cells have no data at all.
  data: z
    .looseObject({
      name: Text,
      type: Text,
      threats: z.array(ThreatDragonThreat).default([]),
    })
    .optional(),
});

export const ThreatDragonModel = z.looseObject({
  version: z.string().optional(),
  summary: z.looseObject({ title: Text }).optional(),
  detail: z.looseObject({
    diagrams: z.array(z.looseObject({ title: Text, cells: z.array(Cell).default([]) })),
  }),
});
export type ThreatDragonModel = z.infer<typeof ThreatDragonModel>;
