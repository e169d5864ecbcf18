import { z } from 'zod';
import { RESERVED_IDS } from './interchange-ids';

// The parts of an Open Threat Model file (OTM 0.2.0) the app reads, with the types the OTM
// schema gives them (many fields may be null). What the app does not use may be anything.

const Attributes = z.record(z.string(), z.unknown()).nullish();

/** A record's id: the app keys maps and attributes by it, so `__proto__` and the like are refused. */
export const RecordId = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (id) => !RESERVED_IDS.has(id),
    'is a name JavaScript reserves (__proto__, constructor, prototype); give the record another id',
  );

const ThreatInstance = z.object({
  threat: z.string(),
  state: z.string(),
  mitigations: z
    .array(z.object({ mitigation: z.string().nullable(), state: z.string().nullable() }).nullable())
    .nullish(),
});
export type OtmThreatInstance = z.infer<typeof ThreatInstance>;

const Element = z.object({
  id: z.string(),
  name: z.string(),
  threats: z.array(ThreatInstance).nullish(),
  attributes: Attributes,
});

export const OtmThreat = z.object({
  id: RecordId,
  name: z.string(),
  description: z.string().nullish(),
  categories: z.array(z.string().nullable()).nullish(),
  risk: z.object({ likelihood: z.number().nullable(), impact: z.number() }),
  attributes: Attributes,
});
export type OtmThreat = z.infer<typeof OtmThreat>;

export const OtmMitigation = z.object({
  id: RecordId,
  name: z.string(),
  description: z.string().nullish(),
  riskReduction: z.number(),
  attributes: Attributes,
});
export type OtmMitigation = z.infer<typeof OtmMitigation>;

export const OtmDocument = z.object({
  otmVersion: z.string(),
  project: z.object({ name: z.string(), id: z.string(), description: z.string().nullish(), attributes: Attributes }),
  components: z.array(Element).nullish(),
  dataflows: z.array(Element).nullish(),
  threats: z.array(OtmThreat).nullish(),
  mitigations: z.array(OtmMitigation).nullish(),
});
export type OtmDocument = z.infer<typeof OtmDocument>;

/** Attributes the app writes into OTM (other tools keep attributes they do not know). */
export const OTM_KEYS = {
  project: 'without:project',
  revision: 'without:revision',
  threatId: 'without:threatId',
  state: 'without:state',
  component: 'without:component',
  stories: 'without:stories',
  mitigationId: 'without:mitigationId',
  status: 'without:status',
  strengths: 'without:strengths',
  verification: 'without:verification',
  controlType: 'without:controlType',
  rejectionReason: 'without:rejectionReason',
  task: 'without:jiraTask',
  unassigned: 'without:unassigned',
} as const;

export const attribute = (attributes: Record<string, unknown> | null | undefined, key: string): unknown =>
  attributes && Object.prototype.hasOwnProperty.call(attributes, key) ? attributes[key] : undefined;
