import { z } from 'zod';
import type { MitigationView } from '../domain/mitigation/mitigation-view';
import type { StrideQuestionView, ThreatKnowledge } from '../domain/knowledge-base/threat-knowledge-view';
import { AnswerValue, QUESTION_KEY_MAX, QuestionNote } from '../domain/threat-model/question-answer';
import { ThreatDraft } from '../domain/threat-model/threat';
import type { ProjectRiskView, ThreatRisk } from '../domain/threat-model/threat-risk';
import type { ThreatView } from '../domain/threat-model/threat-view';
import { ThreatId } from '../domain/story/without-clause';
import { endpoint, NoPayload } from './endpoint';
import { AcceptanceDraft, type AcceptanceState } from '../domain/threat-model/threat-acceptance';
import type { RiskSettings } from '../domain/threat-model/risk-settings';
import { personText } from '../domain/common/text-hygiene';
import type { StoryCoverage } from '../domain/audit/story-coverage';
import type { ThreatIndex, ThreatListRow } from './threat-index';

export type { ProjectRiskView, StrideQuestionView, ThreatRisk };
export * from './threat-index';
export type { KbUpdate } from '../domain/knowledge-base/kb-update';

export const ThreatCreation = z.object({ draft: ThreatDraft });
export type ThreatCreation = z.infer<typeof ThreatCreation>;

export const ThreatEdit = z.object({ id: ThreatId, baseRevision: z.number().int().min(1), draft: ThreatDraft });
export type ThreatEdit = z.infer<typeof ThreatEdit>;

export const ThreatStateChange = z.object({
  id: ThreatId,
  baseRevision: z.number().int().min(1),
  state: z.enum(['active', 'retired']),
});
export type ThreatStateChange = z.infer<typeof ThreatStateChange>;

/** An answer to one STRIDE question of a threat (null clears it). */
export const QuestionAnswerEdit = z.object({
  threatId: ThreatId,
  questionKey: z.string().min(1).max(QUESTION_KEY_MAX),
  answer: AnswerValue.nullable(),
  note: QuestionNote.default(''),
  /** When the answer the person started from was given (its `answered.at`); null: it was unanswered. */
  expectedAt: z.string().max(40).nullable(),
});
export type QuestionAnswerEdit = z.input<typeof QuestionAnswerEdit>;

/** "Take update" (take: true) or "Keep ours" (take: false) for a threat whose knowledge base changed. */
export const KbUpdateDecision = z.object({
  threatId: ThreatId,
  baseRevision: z.number().int().min(1),
  take: z.boolean(),
});
export type KbUpdateDecision = z.infer<typeof KbUpdateDecision>;

/** Accept a threat's residual risk until a day, with a reason (see threat-acceptance). */
export const RiskAcceptanceRequest = z.object({
  id: ThreatId,
  baseRevision: z.number().int().min(1),
  acceptance: AcceptanceDraft,
});
export type RiskAcceptanceRequest = z.infer<typeof RiskAcceptanceRequest>;

/** End a threat's acceptance; the reason is optional. */
export const AcceptanceRevocation = z.object({
  id: ThreatId,
  baseRevision: z.number().int().min(1),
  reason: personText({ label: 'A reason', min: 0, max: 1000, multiline: true }).default(''),
});
export type AcceptanceRevocation = z.input<typeof AcceptanceRevocation>;

/** How the project weighs risk, as the Threat model tab shows it, and what the person may do about it. */
export interface RiskPolicyView {
  settings: RiskSettings;
  /** The settings' tolerance, or the tier's default. */
  tolerance: number;
  tierLabel: string;
  /** The project's risk now is above its tolerance. */
  aboveTolerance: boolean;
  /** Whether the person may accept (and revoke) threats' risk: project admins and the roles the settings name. */
  canAccept: boolean;
  /** The app's day (UTC) and the last day an acceptance given today may run to. */
  today: string;
  latestUntil: string;
}

/**
 * What the threat table never shows of a threat or a mitigation: stored bookkeeping, and a
 * mitigation's long texts. Full rows leave them out, so a page of them stays small; a dialog asks
 * `threat-model/threat-details` for them.
 */
type ThreatDetailFields = 'lastEdit' | 'imported' | 'detectionEvents';
type MitigationDetailFields = 'implementation' | 'verification' | 'created' | 'updated' | 'imported';

/** A mitigation as the threat table lists it (see MitigationDetailFields), with its newest verification record only. */
export type MitigationRow = Omit<MitigationView, MitigationDetailFields>;

/**
 * A threat as the page shows it in full (threat-model/threats): everything of its list row, with
 * its texts, answers, acceptance history and pending update.
 */
export interface ThreatRow
  extends Omit<ThreatView, ThreatDetailFields>, ThreatKnowledge, Omit<ThreatListRow, 'description'> {
  risk: ThreatRisk;
  /** Whether its risk is accepted today, was accepted until a day that has passed, or neither. */
  acceptanceState: AcceptanceState;
  /** Stories linked to the threat (through a clause or directly); null: not counted in this answer (see threat-model/story-counts). */
  storyCount: number | null;
  /** JQL that finds those stories. */
  storiesJql: string;
}

/**
 * The Threat model tab's first read: every threat as a compact index entry (what the table sorts,
 * filters and shows collapsed), the project's risk and policy. The full rows of the threats a
 * page shows come from `threat-model/threats`, so the answer stays under 1 MB at 5,000 threats.
 */
export interface ThreatModelView {
  projectKey: string;
  index: ThreatIndex;
  risk: ProjectRiskView;
  riskPolicy: RiskPolicyView;
  /** Daily points of the project's risk, oldest first, at most a year. */
  history: Array<{ date: string; now: number; planned: number; coverage?: number }>;
  /** Story coverage as the last complete audit counted it, and when it finished; null before any audit. */
  coverage?: { value: StoryCoverage; at: string } | null;
  canEdit: boolean;
  canCreateTasks: boolean;
  problems: string[];
  /** What the page asks `threat-model/changes` about: the model's revision as read, and when the reading began. */
  seen: ModelSeen;
}

/** The most threats one threat-model/threats call answers: a page of the threat table. */
export const THREATS_PAGE = 50;

export const ThreatsRequest = z.object({ ids: z.array(ThreatId).min(1).max(THREATS_PAGE) });
export type ThreatsRequest = z.infer<typeof ThreatsRequest>;

/** The asked threats in full (ids the model does not have are left out) and their mitigations. */
export interface ThreatsAnswer {
  threats: ThreatRow[];
  /** The mitigations addressing any of them, each once, as the table lists them. */
  mitigations: MitigationRow[];
  /** The STRIDE questions their rows name, once each, by question key. */
  questions: Record<string, StrideQuestionView>;
}

/** The model's revision a page has, and when (epoch ms, the backend's clock) it began reading it. */
/** The most threats one threat-model/story-counts call counts by id: a page of the threat table. */
export const STORY_COUNT_PAGE = 50;

export const ModelSeen = z.object({
  revision: z.number().int().min(0),
  readAt: z.number().int().min(0),
  /** When the audit whose coverage the page shows finished (null: none); a newer audit is a change. */
  auditAt: z.string().max(40).nullable(),
  /**
   * The project's mitigation tasks and stories with clauses, counted when the page read the model
   * (null: not counted): fewer or more later means one was deleted or moved, which no search sees.
   */
  issues: z.number().int().min(0).nullable(),
  /** A digest of the uploaded knowledge bases' list (null: none): an upload changes what rows offer. */
  libraryStamp: z.string().max(40).nullable(),
});
export type ModelSeen = z.infer<typeof ModelSeen>;

/** Which threats' stories to count: a page of them, or all (to sort by stories). */
export const StoryCountRequest = z.union([
  z.object({ threatIds: z.array(ThreatId).min(1).max(STORY_COUNT_PAGE) }),
  z.object({ all: z.literal(true) }),
]);
export type StoryCountRequest = z.infer<typeof StoryCountRequest>;

export interface StoryCounts {
  /** Stories linking each threat asked about (0 included), by threat id. */
  counts: Record<string, number>;
}

export const ThreatDetailsRequest = z.object({ id: ThreatId });
export type ThreatDetailsRequest = z.infer<typeof ThreatDetailsRequest>;

/** A threat in full and the mitigations that address it in full, for the dialogs that edit them. */
export interface ThreatDetails {
  threat: ThreatView;
  mitigations: MitigationView[];
}

/** Whether what the Threat model tab shows may be out of date, and so worth reading again. */
export interface ModelChanges {
  changed: boolean;
}

export const threatModelEndpoints = {
  'threat-model/get': endpoint<ThreatModelView>()(NoPayload),
  'threat-model/changes': endpoint<ModelChanges>()(ModelSeen),
  'threat-model/story-counts': endpoint<StoryCounts>()(StoryCountRequest),
  'threat-model/threat-details': endpoint<ThreatDetails>()(ThreatDetailsRequest),
  'threat-model/threats': endpoint<ThreatsAnswer>()(ThreatsRequest),
  'threat-model/create-threat': endpoint<ThreatView>()(ThreatCreation),
  'threat-model/update-threat': endpoint<ThreatView>()(ThreatEdit),
  'threat-model/set-threat-state': endpoint<ThreatView>()(ThreatStateChange),
  'threat-model/answer-question': endpoint<ThreatView>()(QuestionAnswerEdit),
  'threat-model/take-kb-update': endpoint<ThreatView>()(KbUpdateDecision),
  'threat-model/accept-risk': endpoint<ThreatView>()(RiskAcceptanceRequest),
  'threat-model/revoke-acceptance': endpoint<ThreatView>()(AcceptanceRevocation),
};
