import { EditReceipt } from '../common/edit-receipt';
import { z } from 'zod';
import { QuestionAnswers } from './question-answer';
import { StrideCategory } from './stride';
import { personText, storedText, type TextRule } from '../common/text-hygiene';
import { ThreatId } from '../story/without-clause';

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
});
export type Threat = z.infer<typeof Threat>;

export const threatNumber = (id: string): number => Number(id.slice(2));
