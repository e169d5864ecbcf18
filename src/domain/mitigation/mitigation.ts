import { z } from 'zod';
import { personText } from '../common/text-hygiene';
import { ThreatId } from '../story/without-clause';
import { EditReceipt } from '../common/edit-receipt';
import { ImportedFrom } from '../interchange/imported-from';
import { VerificationRecord } from '../verification/verification-record';
import { AsvsReferences } from '../compliance/asvs-catalogue';

export const MitigationId = z.string().regex(/^M-[1-9][0-9]*$/, 'A mitigation id looks like M-4');

/** How much a mitigation reduces one threat, in the product's five steps. */
export const STRENGTHS = { none: 0, weak: 25, average: 50, strong: 75, complete: 100 } as const;
export const Strength = z.union([z.literal(0), z.literal(25), z.literal(50), z.literal(75), z.literal(100)], {
  error: 'Strength is one of 0 (none), 25 (weak), 50 (average), 75 (strong) or 100 (complete)',
});
export type Strength = z.infer<typeof Strength>;

export const MITIGATION_STATUSES = [
  'proposed',
  'accepted',
  'planned',
  'in-progress',
  'implemented',
  'existing',
  'rejected',
] as const;
export const MitigationStatus = z.enum(MITIGATION_STATUSES);
export type MitigationStatus = z.infer<typeof MitigationStatus>;

export const ControlType = z.enum(['preventive', 'detective', 'corrective']);

export const MitigationDraft = z
  .object({
    title: personText({
      label: 'A mitigation title',
      min: 3,
      max: 200,
      multiline: false,
      tooShort: 'A mitigation needs a title of at least 3 characters',
    }),
    implementation: personText({ label: 'What to implement', min: 0, max: 4000, multiline: true }).default(''),
    verification: personText({ label: 'How to verify', min: 0, max: 4000, multiline: true }).default(''),
    controlType: ControlType.default('preventive'),
    addresses: z
      .array(z.object({ threatId: ThreatId, strength: Strength }))
      .min(1, 'A mitigation addresses at least one threat')
      .max(50)
      .refine((list) => new Set(list.map((a) => a.threatId)).size === list.length, 'Each threat can be named once'),
    status: MitigationStatus.default('proposed'),
    rejectionReason: personText({ label: 'A rejection reason', min: 0, max: 1000, multiline: true }).default(''),
    /** The OWASP ASVS requirements it meets (v5.0.0-6.3.1, v4.0.3-2.2.1); left out, an edit keeps them. */
    asvs: AsvsReferences.optional(),
  })
  .refine((m) => m.status !== 'rejected' || m.rejectionReason.length > 0, {
    message: 'Say why the mitigation is rejected',
    path: ['rejectionReason'],
  });
export type MitigationDraft = z.infer<typeof MitigationDraft>;

const Stamp = z.object({ accountId: z.string(), at: z.string() });

/** Where a mitigation came from: the knowledge-base template it was created from, so it is never added twice. */
export const MitigationSource = z.object({
  kind: z.literal('knowledge-base'),
  knowledgeBaseId: z.string(),
  /** The mitigation template; for a detection event, the threat template that names the event. */
  templateId: z.string(),
  version: z.string(),
  /** Set when the mitigation is the wiring of a detection event (monitoring view) rather than a mitigation template. */
  detectionEventId: z.string().optional(),
});
export type MitigationSource = z.infer<typeof MitigationSource>;

export const Mitigation = z.object({
  id: MitigationId,
  title: z.string(),
  implementation: z.string(),
  verification: z.string(),
  controlType: ControlType,
  addresses: z.array(z.object({ threatId: ThreatId, strength: Strength })),
  status: MitigationStatus,
  rejectionReason: z.string(),
  /** The backlog task that carries it, once created. */
  task: z.object({ id: z.string(), key: z.string() }).nullable(),
  /**
   * Written before the task is created, cleared when it is recorded: if the app fails in
   * between, a retry adopts only an issue whose property carries this id and which the person
   * named here created (Jira's creator field, which nobody can change).
   */
  taskClaim: z.object({ id: z.string(), accountId: z.string(), at: z.string() }).optional(),
  created: Stamp,
  updated: Stamp,
  revision: z.number().int().min(1),
  /** Absent on mitigations a person wrote (and on everything stored before knowledge bases). */
  source: MitigationSource.optional(),
  /** Who made the last edit, from which revision, with which values: a retry of it is not a conflict. */
  lastEdit: EditReceipt.optional(),
  /** Set on a mitigation imported from an OTM or Threat Composer file: a second import updates it. */
  imported: ImportedFrom.optional(),
  /** Verification notes and security-test outcomes, oldest first; absent until one is recorded. */
  verifications: z.array(VerificationRecord).optional(),
  /** OWASP ASVS requirements it meets (see AsvsReference); read as saved, absent when none were named. */
  asvs: z.array(z.string().max(40)).max(50).optional(),
});
export type Mitigation = z.infer<typeof Mitigation>;
