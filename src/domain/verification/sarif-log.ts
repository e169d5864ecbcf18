import { z } from 'zod';

// The part of SARIF 2.1.0 (OASIS) the app reads from security-test tools: every object is
// loose (tools add their own properties), and only what the mapping uses is checked.

const PropertyBag = z.looseObject({ tags: z.array(z.string()).optional() }).optional();

const ToolComponentReference = z.looseObject({
  name: z.string().optional(),
  index: z.number().int().min(0).optional(),
  guid: z.string().optional(),
});

/** A reference to a taxon (a CWE entry), by id or by index into a run's taxonomy. */
const ReportingDescriptorReference = z.looseObject({
  id: z.string().optional(),
  index: z.number().int().min(-1).optional(),
  toolComponent: ToolComponentReference.optional(),
});

const Relationship = z.looseObject({ target: ReportingDescriptorReference });

const Message = z.looseObject({ text: z.string().optional(), markdown: z.string().optional() });

export const ReportingDescriptor = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  shortDescription: Message.optional(),
  relationships: z.array(Relationship).optional(),
  properties: PropertyBag,
});
export type ReportingDescriptor = z.infer<typeof ReportingDescriptor>;

const ToolComponent = z.looseObject({
  name: z.string(),
  version: z.string().optional(),
  semanticVersion: z.string().optional(),
  rules: z.array(ReportingDescriptor).optional(),
  taxa: z.array(ReportingDescriptor).optional(),
});

const Location = z.looseObject({
  physicalLocation: z
    .looseObject({
      artifactLocation: z.looseObject({ uri: z.string().optional() }).optional(),
      region: z.looseObject({ startLine: z.number().int().optional() }).optional(),
    })
    .optional(),
});

export const SarifResult = z.looseObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  rule: ReportingDescriptorReference.optional(),
  kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']).optional(),
  level: z.enum(['none', 'note', 'warning', 'error']).optional(),
  message: Message,
  locations: z.array(Location).optional(),
  taxa: z.array(ReportingDescriptorReference).optional(),
  baselineState: z.enum(['new', 'unchanged', 'updated', 'absent']).optional(),
  suppressions: z
    .array(z.looseObject({ status: z.enum(['accepted', 'underReview', 'rejected']).optional() }))
    .optional(),
  properties: PropertyBag,
});
export type SarifResult = z.infer<typeof SarifResult>;

export const SarifRun = z.looseObject({
  tool: z.looseObject({ driver: ToolComponent, extensions: z.array(ToolComponent).optional() }),
  results: z.array(SarifResult).optional(),
  taxonomies: z.array(ToolComponent).optional(),
});
export type SarifRun = z.infer<typeof SarifRun>;

export const SarifLog = z.looseObject({
  version: z.literal('2.1.0', { error: 'Only SARIF 2.1.0 is read ("version": "2.1.0")' }),
  runs: z.array(SarifRun),
});
export type SarifLog = z.infer<typeof SarifLog>;
