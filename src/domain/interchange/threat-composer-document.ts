import { z } from 'zod';
import { STRIDE } from '../threat-model/stride';
import { RecordId } from './otm-document';
import { THREAT_COMPOSER_MITIGATION_STATUSES, THREAT_COMPOSER_PRIORITIES } from './interchange-scales';

// The parts of an AWS Threat Composer export (schema v1, `.tc.json`) the app reads. Field types
// and enums as the schema has them; what the app does not use (diagrams, brainstorm) may be anything.

const Metadata = z.array(z.object({ key: z.string(), value: z.union([z.string(), z.array(z.string())]) }));

export const THREAT_COMPOSER_THREAT_STATUSES = [
  'threatIdentified',
  'threatResolved',
  'threatResolvedNotUseful',
] as const;

export const ThreatComposerThreat = z.object({
  id: RecordId,
  numericId: z.number(),
  metadata: Metadata.optional(),
  tags: z.array(z.string()).optional(),
  threatSource: z.string().optional(),
  prerequisites: z.string().optional(),
  threatAction: z.string().optional(),
  threatImpact: z.string().optional(),
  impactedGoal: z.array(z.string()).optional(),
  impactedAssets: z.array(z.string()).optional(),
  statement: z.string().optional(),
  status: z.enum(THREAT_COMPOSER_THREAT_STATUSES).optional(),
});
export type ThreatComposerThreat = z.infer<typeof ThreatComposerThreat>;

export const ThreatComposerMitigation = z.object({
  id: RecordId,
  numericId: z.number(),
  metadata: Metadata.optional(),
  content: z.string(),
  status: z.enum(THREAT_COMPOSER_MITIGATION_STATUSES).optional(),
});
export type ThreatComposerMitigation = z.infer<typeof ThreatComposerMitigation>;

export const ThreatComposerDocument = z.object({
  schema: z.number().max(1, 'Threat Composer schema version 1 is the one the app reads'),
  applicationInfo: z.object({ name: z.string().optional(), description: z.string().optional() }).optional(),
  assumptions: z
    .array(z.object({ id: z.string(), numericId: z.number(), content: z.string(), metadata: Metadata.optional() }))
    .optional(),
  mitigations: z.array(ThreatComposerMitigation).optional(),
  assumptionLinks: z
    .array(z.object({ type: z.enum(['Mitigation', 'Threat']), assumptionId: z.string(), linkedId: z.string() }))
    .optional(),
  mitigationLinks: z.array(z.object({ mitigationId: z.string(), linkedId: z.string() })).optional(),
  threats: z.array(ThreatComposerThreat).optional(),
});
export type ThreatComposerDocument = z.infer<typeof ThreatComposerDocument>;

export const PRIORITY = z.enum(THREAT_COMPOSER_PRIORITIES);
export const STRIDE_LETTERS = z.array(z.enum(STRIDE));

/** Custom metadata keys the app writes (Threat Composer keeps `custom:` keys as they are). */
export const TC_KEYS = {
  component: 'custom:without-component',
  project: 'custom:without-project',
  revision: 'custom:without-revision',
  threatId: 'custom:without-threat-id',
  stories: 'custom:without-jira-stories',
  clauses: 'custom:without-clauses',
  mitigationId: 'custom:without-mitigation-id',
  task: 'custom:without-jira-task',
  strength: 'custom:without-strengths',
  verification: 'custom:without-verification',
  rating: 'custom:without-rating',
  status: 'custom:without-status',
  controlType: 'custom:without-control-type',
  rejectionReason: 'custom:without-rejection-reason',
} as const;

type Meta = z.infer<typeof Metadata>;

export const metaValue = (metadata: Meta | undefined, key: string): string | string[] | undefined =>
  metadata?.find((m) => m.key === key)?.value;

export const metaText = (metadata: Meta | undefined, key: string): string => {
  const value = metaValue(metadata, key);
  return typeof value === 'string' ? value : '';
};
