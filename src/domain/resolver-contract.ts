import type { AuditResult } from './audit/audit-result';
import type { Severity } from './threat-model/severity';
import { z } from 'zod';
import { MitigationDraft, type Strength } from './mitigation/mitigation';
import type { StrideCategory } from './threat-model/stride';
import { personText } from './common/text-hygiene';
import { ThreatDraft } from './threat-model/threat';
import { KnowledgeBaseId, KnowledgeBaseSettings, UPLOAD_FORMATS } from './knowledge-base/knowledge-base-settings';
import type { ThreatModelSettings } from './threat-model/threat-model-settings';
import type { ThreatView } from './threat-model/threat-view';
import { AnswerValue, QUESTION_KEY_MAX, QuestionNote } from './threat-model/question-answer';
import type { StrideQuestionView, ThreatKnowledge } from './knowledge-base/threat-knowledge-view';
import type { MonitoredEventChange, MonitoringView } from './monitoring/monitoring-view';
import { ThreatId, WithoutClauseDraft, type WithoutClause } from './story/without-clause';

// The one contract between the Custom UI and the resolvers: every key, what it takes and
// what it answers (inside the Envelope of ./envelope). Payloads are parsed with these
// schemas on the backend; the UI imports the same types.

export const ClausesEdit = z.object({
  /** The revision of the clauses the person started from; a different stored one is a conflict. */
  baseRevision: z.number().int().min(0),
  clauses: z.array(WithoutClauseDraft).max(50, 'A story can have at most 50 WITHOUT clauses'),
  directThreatIds: z.array(ThreatId).max(100).default([]),
  /** Set only when the person chose to replace a stored value the app cannot read. */
  replaceUnreadable: z.boolean().optional(),
});
export type ClausesEdit = z.infer<typeof ClausesEdit>;

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
/** At most this many names per lookup: one page of Jira's /user/bulk. */
export const PEOPLE_NAMES_MAX = 100;
export const PeopleNamesQuery = z.object({
  accountIds: z.array(z.string().min(1).max(128)).min(1).max(PEOPLE_NAMES_MAX),
});
export type PeopleNamesQuery = z.infer<typeof PeopleNamesQuery>;
/** Display names by account id; people Jira does not show the caller are absent. */
export type PeopleNames = Record<string, string>;
export type { KbUpdate } from './knowledge-base/kb-update';
export type { StrideQuestionView } from './knowledge-base/threat-knowledge-view';

// The model's settings are part of the threat model; the contract only passes them on.
export { ThreatModelSettings } from './threat-model/threat-model-settings';

/** What is left of a threat's risk now, and once planned work is done. */
export interface ThreatRisk {
  residual: number;
  planned: number;
  fullyMitigated: boolean;
}

export interface ProjectRiskView {
  now: number;
  planned: number;
  inherent: number;
}

/** The issue panel on a mitigation task: what it mitigates, why, and how to verify it. */
export interface TaskView {
  issueKey: string;
  mitigation: MitigationView;
  threats: Array<ThreatView & { risk: ThreatRisk }>;
  stories: Array<{ key: string; summary: string; clauses: Array<{ text: string; threatIds: string[] }> }>;
}

export interface StoryView {
  issueId: string;
  issueKey: string;
  summary: string;
  projectKey: string;
  clauses: WithoutClause[];
  /** Threats linked to the story directly, that no clause covers. */
  directThreatIds: string[];
  /** Every threat the story points at that the model has, by id. */
  threats: Record<string, ThreatView>;
  /** Revision of the stored clauses, to send back with an edit. */
  revision: number;
  /** Mitigations of the story's threats, with their tasks' live status. */
  mitigations: MitigationView[];
  /** Residual and planned risk of each of the story's threats. */
  risk: Record<string, ThreatRisk>;
  /** Set when this issue is a mitigation task: the panel shows the task instead. */
  task: TaskView | null;
  canEdit: boolean;
  canEditThreatModel: boolean;
  /** Whether the person may create (and link) issues, for "Create task". */
  canCreateTasks: boolean;
  /** Stored values that failed their schema, or links to threats that are gone. */
  problems: string[];
}

export interface ThreatRow extends ThreatView, ThreatKnowledge {
  risk: ThreatRisk;
  /** Stories linked to the threat (through a clause or directly). */
  storyCount: number;
  /** JQL that finds those stories. */
  storiesJql: string;
}

export interface ThreatModelView {
  projectKey: string;
  threats: ThreatRow[];
  /** The STRIDE questions the threats' rows name, once each, by question key. */
  questions: Record<string, StrideQuestionView>;
  mitigations: MitigationView[];
  risk: ProjectRiskView;
  /** Daily points of the project's risk, oldest first, at most a year. */
  history: Array<{ date: string; now: number; planned: number }>;
  canEdit: boolean;
  canCreateTasks: boolean;
  problems: string[];
}

export interface SettingsView {
  projectKey: string;
  settings: ThreatModelSettings;
  roles: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string }>;
  /** Issue types a mitigation task can have in this project. */
  issueTypes: string[];
  /** Status names of the project's workflow, for the status mapping. */
  statuses: Array<{ name: string; categoryKey: 'new' | 'indeterminate' | 'done' }>;
  /** The built-in knowledge base and the uploaded ones, active ones first in their order. */
  knowledgeBases: KnowledgeBaseSummary[];
  canEdit: boolean;
  /** Stored values that could not be read (an uploaded knowledge base, the list of them). */
  problems: string[];
}

/** A knowledge base as the settings page lists it. */
export interface KnowledgeBaseSummary {
  id: string;
  name: string;
  version: string;
  description: string;
  sourceFormat: 'built-in' | 'without' | 'pytm' | 'tmt' | 'threat-dragon';
  file?: string;
  counts: { threats: number; mitigations: number; questions: number };
  builtIn: boolean;
  active: boolean;
  uploadedBy?: string;
  uploadedAt?: string;
  /** Threats of the model created from it. */
  threatCount: number;
}

export const KbSettingsSave = z.object({ knowledgeBases: KnowledgeBaseSettings });
export type KbSettingsSave = z.infer<typeof KbSettingsSave>;

/** The invoke payload limit is 500 KB: the UI sends the file deflated where the browser can. */
export const UPLOAD_CONTENT_MAX = 450_000;
export const KbUpload = z.object({
  // Shown in messages and stored with the upload: a bidi override here would disguise the name.
  fileName: personText({ label: 'A file name', min: 1, max: 400, multiline: false, tooShort: 'Name the file' }),
  format: z.enum(['auto', ...UPLOAD_FORMATS]),
  content: z.discriminatedUnion('encoding', [
    z.object({
      encoding: z.literal('text'),
      text: z.string().max(UPLOAD_CONTENT_MAX, `A file sent as text can have at most ${UPLOAD_CONTENT_MAX / 1000} KB`),
    }),
    z.object({
      encoding: z.literal('deflate-base64'),
      data: z.string().max(UPLOAD_CONTENT_MAX, `A compressed file can have at most ${UPLOAD_CONTENT_MAX / 1000} KB`),
    }),
  ]),
  /** Turn it on for suggestions right away. */
  activate: z.boolean().default(true),
});
export type KbUpload = z.input<typeof KbUpload>;

export interface KbUploadResult {
  view: SettingsView;
  uploaded: KnowledgeBaseSummary;
  /** The version it replaced, when a knowledge base with the same id was uploaded before. */
  replacedVersion?: string;
}

export const KbRemove = z.object({ id: KnowledgeBaseId });
export const KbRestore = z.object({ id: KnowledgeBaseId, activate: z.boolean() });

export const MitigationEdit = z.object({
  id: z.string(),
  baseRevision: z.number().int().min(1),
  draft: MitigationDraft,
});
export type MitigationEdit = z.infer<typeof MitigationEdit>;

import type { MitigationView, TaskSummary } from './mitigation/mitigation-view';
export type { MitigationView, TaskSummary };

/** Where a mitigation's task is, seen from a sprint. */
export type TaskPlace = 'this-sprint' | 'other-sprint' | 'backlog' | 'not-created' | 'done';

export interface SprintStory {
  issueId: string;
  issueKey: string;
  summary: string;
  statusName: string;
  clauses: WithoutClause[];
  directThreatIds: string[];
}

/**
 * A mitigation as the sprint view shows it: without what-to-implement and how-to-verify texts,
 * which the view never shows and which made a 2,000-story answer megabytes long.
 */
export interface SprintMitigation extends Pick<
  MitigationView,
  'id' | 'title' | 'controlType' | 'addresses' | 'status' | 'storedStatus' | 'task' | 'rejectionReason'
> {
  /** Where its task is relative to this sprint. */
  place: TaskPlace;
  /** Name of the other sprint, when place is other-sprint. */
  otherSprintName?: string;
}

/** A threat as the sprint view shows it: no description, which the view never shows. */
export type SprintThreat = Pick<
  ThreatView,
  'id' | 'title' | 'stride' | 'probability' | 'impact' | 'component' | 'state' | 'severity' | 'source' | 'revision'
> & { risk: ThreatRisk };

/** Security work to pull into the sprint: highest risk removed first. */
export interface PullInItem {
  mitigationId: string;
  title: string;
  place: 'other-sprint' | 'backlog' | 'not-created';
  task: TaskSummary | null;
  /** Sum over its threats of severity x strength / 100: the risk it removes. */
  riskRemoved: number;
  threatIds: string[];
  /** Planned stories that need it. */
  storyKeys: string[];
}

export interface SprintWarning {
  kind: 'clause-without-threat' | 'threat-without-mitigation';
  storyKey: string;
  threatId?: string;
  message: string;
}

export interface SprintPlanView {
  sprint: { id: number; name: string; state: 'active' | 'future' | 'closed'; goal: string; boardId: number };
  projectKey: string;
  stories: SprintStory[];
  threats: Record<string, SprintThreat>;
  mitigations: SprintMitigation[];
  pullIn: PullInItem[];
  warnings: SprintWarning[];
  risk: { now: number; afterSprint: number };
  /** Whether the person may move issues into this sprint (Schedule issues) and create tasks. */
  canSchedule: boolean;
  canCreateTasks: boolean;
  problems: string[];
}

/** The audit tab: the last complete audit (current suppressions applied), and the run in progress. */
export interface AuditView {
  projectKey: string;
  run: {
    state: 'idle' | 'queued' | 'running' | 'done' | 'failed';
    startedAt: string | null;
    updatedAt: string | null;
    progress: { stage: string; stories: number; tasks: number } | null;
    error: string | null;
  };
  /** When the shown result was computed (null: never audited). */
  completedAt: string | null;
  result: AuditResult | null;
  /** The stored run status or last result exists but cannot be read (problems say which): a new run replaces it. */
  resultUnreadable: boolean;
  /** Active threats, for the "link a threat" fix. */
  threats: Array<{ id: string; title: string; severity: Severity }>;
  canRun: boolean;
  canSuppress: boolean;
  problems: string[];
}

export interface SprintChoice {
  id: number;
  name: string;
  state: 'active' | 'future';
  boardName: string;
}

/** Without a mode, the project's default (settings). */
export const KbSuggest = z.object({ mode: z.enum(['top', 'full']).optional() });
export type KbSuggest = z.infer<typeof KbSuggest>;

export const KbAccept = z.object({
  knowledgeBaseId: z.string().min(1).max(60),
  templateId: z.string().min(1).max(80),
  /** The clause to link the threat to; absent: a new clause named after the threat. */
  clauseId: z.string().min(1).max(40).optional(),
  /** The revision of the story's clauses the person started from. */
  baseRevision: z.number().int().min(0),
});
export type KbAccept = z.infer<typeof KbAccept>;

/** A mitigation a knowledge base proposes for a suggested threat. */
export interface SuggestedMitigationView {
  templateId: string;
  title: string;
  /** How much it removes of the suggested threat. */
  strength: Strength;
  /** Part of the knowledge base's short "TOP" list. */
  top: boolean;
}

/** A threat a knowledge base suggests for the story, and why. */
export interface ThreatSuggestionView {
  knowledgeBaseId: string;
  knowledgeBaseName: string;
  templateId: string;
  title: string;
  description: string;
  stride: StrideCategory[];
  severity: Severity;
  /** Why it matched, e.g. `summary mentions "credit card"`. */
  reasons: string[];
  mitigations: SuggestedMitigationView[];
  /** The project's threat already created from this template: "Link" instead of "Add and link". */
  existingThreatId?: string;
}

export interface KbSuggestionsView {
  mode: 'top' | 'full';
  suggestions: ThreatSuggestionView[];
  /** Names of the knowledge bases asked. */
  knowledgeBases: string[];
  /** Knowledge bases that are active but could not be read. */
  problems: string[];
}

/** The monitoring view's "Create task": the detective mitigation that wires the event, then its task. */
export const MonitoringCreateTask = z.object({ threatId: ThreatId, eventId: z.string().trim().min(1).max(80) });
export type MonitoringCreateTask = z.infer<typeof MonitoringCreateTask>;
export type { MonitoredEventChange, MonitoringView };

/** Resolver key -> [payload schema, answer type]. */
export interface ResolverContract {
  'story/get': [Record<string, never>, StoryView];
  'story/save-clauses': [ClausesEdit, StoryView];
  'threat-model/get': [Record<string, never>, ThreatModelView];
  'threat-model/create-threat': [{ draft: ThreatDraft }, ThreatView];
  'threat-model/update-threat': [ThreatEdit, ThreatView];
  'threat-model/set-threat-state': [ThreatStateChange, ThreatView];
  'threat-model/answer-question': [QuestionAnswerEdit, ThreatView];
  'threat-model/take-kb-update': [KbUpdateDecision, ThreatView];
  'settings/get': [Record<string, never>, SettingsView];
  'settings/save': [{ settings: ThreatModelSettings }, SettingsView];
  'mitigation/add': [{ draft: MitigationDraft }, MitigationView];
  'mitigation/update': [MitigationEdit, MitigationView];
  'mitigation/create-task': [{ mitigationId: string }, MitigationView];
  'sprint/list': [Record<string, never>, SprintChoice[]];
  'sprint/get': [{ sprintId?: number }, SprintPlanView];
  'sprint/add-tasks': [{ sprintId: number; mitigationIds: string[] }, SprintPlanView];
  'audit/get': [Record<string, never>, AuditView];
  'audit/run': [Record<string, never>, AuditView];
  'audit/suppress': [{ findingId: string; why: string }, AuditView];
  'audit/unsuppress': [{ findingId: string }, AuditView];
  'audit/link-threat': [{ issueKey: string; clauseId: string; threatId: string }, AuditView];
  'knowledge-base/suggest': [KbSuggest, KbSuggestionsView];
  'knowledge-base/accept': [KbAccept, StoryView];
  'knowledge-base/save-settings': [KbSettingsSave, SettingsView];
  'knowledge-base/upload': [KbUpload, KbUploadResult];
  'knowledge-base/remove': [{ id: string }, SettingsView];
  'knowledge-base/restore': [{ id: string; activate: boolean }, SettingsView];
  'monitoring/get': [Record<string, never>, MonitoringView];
  'monitoring/create-task': [MonitoringCreateTask, MonitoredEventChange];
  'people/names': [PeopleNamesQuery, PeopleNames];
}
export type ResolverKey = keyof ResolverContract;
export type PayloadOf<K extends ResolverKey> = ResolverContract[K][0];
export type AnswerOf<K extends ResolverKey> = ResolverContract[K][1];
