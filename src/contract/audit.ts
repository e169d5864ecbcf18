import { z } from 'zod';
import type { AuditRunView } from '../domain/audit/audit-run';
import { FindingsQuery, type AuditResultPage } from '../domain/audit/finding-page';
import type { Severity } from '../domain/threat-model/severity';
import { ClauseText, ThreatId } from '../domain/story/without-clause';
import { endpoint, NoPayload } from './endpoint';

export type { AuditRunView, AuditResultPage };
export { FindingsQuery };

/**
 * What every audit call that answers the tab's view may carry: the page of findings the person
 * is on, with their filters (absent: the first page of every finding), so the answer is that page.
 */
const OnPage = { view: FindingsQuery.optional() };

const FindingId = z.string().min(1).max(300);

/** Suppress a finding; the domain checks the reason (suppression.ts). */
export const FindingSuppression = z.object({ findingId: FindingId, why: z.string(), ...OnPage });
export type FindingSuppression = z.infer<typeof FindingSuppression>;

export const FindingUnsuppression = z.object({ findingId: FindingId, ...OnPage });
export type FindingUnsuppression = z.infer<typeof FindingUnsuppression>;

/** The fix for "clause linked to no threat": which clause of which story, and the threat. */
export const ClauseThreatLink = z.object({
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'An issue key looks like PAY-12'),
  clauseId: z.string().min(1).max(40),
  threatId: ThreatId,
  ...OnPage,
});
export type ClauseThreatLink = z.infer<typeof ClauseThreatLink>;

/**
 * The fixes for "threat linked to no story" and "story threat not covered by a clause": link the
 * threat to one clause of the story, an existing one (`clauseId`) or a new one the person wrote
 * (`newClause`, its id made in the browser as the story panel makes it). Exactly one of the two.
 */
export const StoryClauseLink = z
  .object({
    issueKey: ClauseThreatLink.shape.issueKey,
    threatId: ThreatId,
    clauseId: z.string().min(1).max(40).optional(),
    newClause: z.object({ id: z.string().min(1).max(40), text: ClauseText }).optional(),
    ...OnPage,
  })
  .refine((link) => (link.clauseId === undefined) !== (link.newClause === undefined), {
    message: 'Name one WITHOUT clause: an existing one or a new one.',
  });
export type StoryClauseLink = z.infer<typeof StoryClauseLink>;

/** What the person typed to find a story of the project: part of its summary or its key. */
export const StorySearch = z.object({ query: z.string().max(100) });
export type StorySearch = z.infer<typeof StorySearch>;

/** A story found for a fix: its key, summary and clauses (to link the threat to one of them). */
export interface StoryMatch {
  key: string;
  summary: string;
  clauses: Array<{ id: string; text: string }>;
}

/** The fix for a link to a retired or unknown threat: which story, and the threat id to unlink. */
export const ThreatLinkRemoval = ClauseThreatLink.pick({ issueKey: true, threatId: true, view: true });
export type ThreatLinkRemoval = z.infer<typeof ThreatLinkRemoval>;

/** Which value of an issue a fix shows before it writes: its clauses field or its task property. */
export const IssueValueQuery = z.object({ issueKey: ClauseThreatLink.shape.issueKey });
export type IssueValueQuery = z.infer<typeof IssueValueQuery>;

/** A raw value as a fix shows it (see shownValue): cut to a readable length, and its fingerprint. */
export interface ShownIssueValue {
  text: string | null;
  truncated: boolean;
  fingerprint: string;
}

/** An issue's values as they are now, for the fixes of unreadable values and of tasks. */
export interface IssueValues {
  issueKey: string;
  clauses: ShownIssueValue;
  /** Whether the clauses value is readable (a fix that replaces it is refused then). */
  clausesReadable: boolean;
  taskProperty: ShownIssueValue;
  /** The mitigation the threat model records this issue as the task of; null: none. */
  recordedFor: { mitigationId: string; title: string; threatIds: string[] } | null;
}

/**
 * A fix that writes over a value the person was shown: the issue and the fingerprint of the
 * value they saw (a value that changed since is refused, never overwritten).
 */
export const SeenValueFix = z.object({
  issueKey: ClauseThreatLink.shape.issueKey,
  fingerprint: z.string().min(1).max(40),
  ...OnPage,
});
export type SeenValueFix = z.infer<typeof SeenValueFix>;

/** The fix for a story done while its mitigations are not: reopen it. */
export const StoryReopening = z.object({ issueKey: ClauseThreatLink.shape.issueKey, ...OnPage });
export type StoryReopening = z.infer<typeof StoryReopening>;

/**
 * A part of the threat model the app cannot read: its settings and id counters (the meta), a
 * whole shard, or one entry of a readable shard (by its place among that shard's unreadable
 * entries, as `audit/model-values` listed them).
 */
export const ModelPart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meta') }),
  z.object({ kind: z.literal('shard'), shard: z.number().int().min(0).max(100_000) }),
  z.object({
    kind: z.literal('entry'),
    shard: z.number().int().min(0).max(100_000),
    entry: z.number().int().min(0).max(2_000),
  }),
]);
export type ModelPart = z.infer<typeof ModelPart>;

/** The unreadable parts of the model; with `part`, that one with its whole raw value (a download). */
export const ModelValuesQuery = z.object({ part: ModelPart.optional() });
export type ModelValuesQuery = z.infer<typeof ModelValuesQuery>;

/** SHA-256 of a raw value's JSON, hex: names the very value the person was shown. */
const RawDigest = z.string().regex(/^[0-9a-f]{64}$/, 'A digest is 64 hex characters');

/** One unreadable part as the fix shows it before anything is removed. */
export interface UnreadableModelPart {
  part: ModelPart;
  /** The project property that holds it. */
  property: string;
  /** What it is, in words: "Threat T-7 in without.model.shard.0". */
  name: string;
  /** The raw value as JSON, cut to a readable length. */
  text: string;
  truncated: boolean;
  /** Characters of the whole raw value as JSON. */
  size: number;
  digest: string;
  /** The whole raw value as JSON: only when this one part was asked for. */
  whole?: string;
  /** What removing it does, said before the choice. */
  consequence: string;
  /** Why it cannot be removed now; null: a project administrator may remove it. */
  refusal: string | null;
}

export interface ModelValues {
  parts: UnreadableModelPart[];
  /** Unreadable parts not listed (a shard may hold many broken entries): listed once these are gone. */
  more: number;
  /** Whether the person administers the project: only they may remove a part. */
  canRemove: boolean;
}

/** Remove one unreadable part, only while its raw value is still the one shown (its digest). */
export const ModelPartRemoval = z.object({ part: ModelPart, digest: RawDigest, ...OnPage });
export type ModelPartRemoval = z.infer<typeof ModelPartRemoval>;

/** "Run audit", answered with the page the person is on. */
export const AuditStart = z.object({ ...OnPage });
export type AuditStart = z.infer<typeof AuditStart>;

/**
 * The audit tab: the last complete audit (current suppressions applied), one page of its
 * findings, and the run in progress.
 */
export interface AuditView {
  projectKey: string;
  run: AuditRunView;
  /** When the shown result was computed (null: never audited). */
  completedAt: string | null;
  /** The whole result's counts and totals, and the page of findings asked for (see findingsPage). */
  result: AuditResultPage | null;
  /** The stored run status or last result exists but cannot be read (problems say which): a new run replaces it. */
  resultUnreadable: boolean;
  /** The active threats the page's findings name (their fixes show titles); `audit/find-threats` searches the rest. */
  threats: AuditThreat[];
  canRun: boolean;
  canSuppress: boolean;
  /** Whether the person may edit the threat model: the mitigation fixes and answering questions. */
  canEditThreatModel: boolean;
  /** Whether the person may edit the project's issues: the "link a threat" fix edits a story. */
  canEditStories: boolean;
  /** Whether the person may create and link issues: the "create the task" fix. */
  canCreateTasks: boolean;
  /** Whether the person may transition the project's issues: the "reopen the story" fix. */
  canTransitionIssues: boolean;
  /** Whether the person may accept or revoke a threat's risk: the "renew" fix of an expired acceptance. */
  canAcceptRisk: boolean;
  problems: string[];
}

/** A threat as the audit's fixes name it. */
export interface AuditThreat {
  id: string;
  title: string;
  severity: Severity;
}

/** What the person typed to find an active threat: part of its id or title (empty: the most severe). */
export const ThreatSearch = z.object({ query: z.string().max(100) });
export type ThreatSearch = z.infer<typeof ThreatSearch>;

/**
 * One part of the audit as a file (CSV or JSON, the command line's): the browser joins the parts'
 * texts in order. A later part names the first's digest, and one of a result that changed in
 * between (another run, a suppression) is refused, never joined to the others.
 */
export const AuditExportQuery = z.object({
  format: z.enum(['csv', 'json']),
  part: z.object({ index: z.number().int().min(1).max(100), digest: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export interface AuditExport {
  fileName: string;
  mimeType: string;
  text: string;
  /** This part's number, from 0, and how many there are. */
  part: number;
  parts: number;
  /** SHA-256 of the whole file, hex: what later parts are asked with. */
  digest: string;
}

/**
 * What the tab polls while a run is under way: the run and which result is stored, from the one
 * small status property; the tab reads the whole view again only when either changes.
 */
export interface AuditProgress {
  run: AuditRunView;
  completedAt: string | null;
}

export const auditEndpoints = {
  'audit/get': endpoint<AuditView>()(FindingsQuery),
  'audit/progress': endpoint<AuditProgress>()(NoPayload),
  'audit/run': endpoint<AuditView>()(AuditStart),
  'audit/find-threats': endpoint<{ threats: AuditThreat[] }>()(ThreatSearch),
  'audit/export': endpoint<AuditExport>()(AuditExportQuery),
  'audit/suppress': endpoint<AuditView>()(FindingSuppression),
  'audit/unsuppress': endpoint<AuditView>()(FindingUnsuppression),
  'audit/link-threat': endpoint<AuditView>()(ClauseThreatLink),
  'audit/remove-link': endpoint<AuditView>()(ThreatLinkRemoval),
  'audit/link-story': endpoint<AuditView>()(StoryClauseLink),
  'audit/find-stories': endpoint<{ stories: StoryMatch[] }>()(StorySearch),
  'audit/issue-values': endpoint<IssueValues>()(IssueValueQuery),
  'audit/replace-clauses': endpoint<AuditView>()(SeenValueFix),
  'audit/restore-task-property': endpoint<AuditView>()(SeenValueFix),
  'audit/release-task': endpoint<AuditView>()(SeenValueFix),
  'audit/reopen-story': endpoint<AuditView>()(StoryReopening),
  'audit/model-values': endpoint<ModelValues>()(ModelValuesQuery),
  'audit/remove-model-part': endpoint<AuditView>()(ModelPartRemoval),
};
