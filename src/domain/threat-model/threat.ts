import { EditReceipt } from '../common/edit-receipt';
import { z } from 'zod';
import { QuestionAnswers } from './question-answer';
import { StrideCategory } from './stride';
import { personText, storedText, type TextRule } from '../common/text-hygiene';
import { ThreatId } from '../story/without-clause';
import { AcceptanceHistory, RiskAcceptance } from './threat-acceptance';
import { ManualDetectionEvent } from '../monitoring/detection-event';
import { CweId, THREAT_CWE_MAX } from '../verification/cwe';
import { ImportedFrom } from '../interchange/imported-from';

export const THREAT_TITLE_MAX = 200;
export const THREAT_DESCRIPTION_MAX = 4000;
export const COMPONENT_MAX = 200;

const rating = (name: string) =>
  z
    .number({ error: `${name} must be a whole number between 1 and 5` })
    .int(`${name} must be a whole number between 1 and 5`)
    .min(1, `${name} must be between 1 and 5`)
    .max(5, `${name} must be between 1 and 5`);

const TITLE: TextRule = {
  label: 'A threat title',
  min: 3,
  max: THREAT_TITLE_MAX,
  multiline: false,
  tooShort: 'A threat needs a title of at least 3 characters',
};
const DESCRIPTION: TextRule = { label: 'A description', min: 0, max: THREAT_DESCRIPTION_MAX, multiline: true };
const COMPONENT: TextRule = { label: 'A component', min: 0, max: COMPONENT_MAX, multiline: false };

/** What a person types to create or change a threat. */
export const ThreatDraft = z.object({
  title: personText(TITLE),
  description: personText(DESCRIPTION).default(''),
  stride: z.array(StrideCategory).min(1, 'Pick at least one STRIDE category').max(6),
  probability: rating('Probability'),
  impact: rating('Impact'),
  component: personText(COMPONENT).default(''),
  /** CWE ids set by hand, which security-test results (SARIF) are matched against. */
  cwe: z
    .preprocess(
      // The form sends what was typed ("CWE-79, 352"); the API may send a list.
      (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v),
      z
        .array(CweId)
        .max(THREAT_CWE_MAX, `At most ${THREAT_CWE_MAX} CWE ids`)
        .transform((list) => [...new Set(list)]),
    )
    .optional(),
});
export type ThreatDraft = z.infer<typeof ThreatDraft>;

export const ThreatSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({
    kind: z.literal('knowledge-base'),
    knowledgeBaseId: z.string(),
    templateId: z.string(),
    version: z.string(),
  }),
]);
export type ThreatSource = z.infer<typeof ThreatSource>;

const Stamp = z.object({ accountId: z.string(), at: z.string() });

/** A threat of the project's threat model, as stored: its texts are read as they were saved (see storedText). */
export const Threat = ThreatDraft.extend({
  title: storedText(TITLE),
  description: storedText(DESCRIPTION).default(''),
  component: storedText(COMPONENT).default(''),
  id: ThreatId,
  source: ThreatSource,
  state: z.enum(['active', 'retired']),
  created: Stamp,
  updated: Stamp,
  /** Grows by one with every change; an edit names the revision it started from. */
  revision: z.number().int().min(1),
  /** The team's answers to its STRIDE questions, by question key; absent until one is answered. */
  answers: QuestionAnswers.optional(),
  /** Who made the last edit, from which revision, with which values: a retry of it is not a conflict. */
  lastEdit: EditReceipt.optional(),
  /** The acceptance of the threat's residual risk in force, or run out; absent when none is (or it was revoked). */
  acceptance: RiskAcceptance.optional(),
  /** Every acceptance and revocation, oldest first, the newest ACCEPTANCE_HISTORY_MAX. */
  acceptanceHistory: AcceptanceHistory.optional(),
  /** Set on a threat imported from an OTM or Threat Composer file: a second import updates it. */
  imported: ImportedFrom.optional(),
  /** Read as saved (see storedText): a CWE list written by an older or newer version stays readable. */
  cwe: z.array(z.string().max(20)).max(50).optional(),
  /** Detection events written by hand (the Monitoring tab); absent until one is added. */
  detectionEvents: z.array(ManualDetectionEvent).optional(),
  /**
   * OWASP ASVS requirements the threat is about (v5.0.0-6.3.1; see AsvsReference): its
   * mitigations count for them. Read as saved; absent unless an import or a later editor set it.
   */
  asvs: z.array(z.string().max(40)).max(50).optional(),
});
export type Threat = z.infer<typeof Threat>;

export const threatNumber = (id: string): number => Number(id.slice(2));
