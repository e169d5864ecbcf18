import { z } from 'zod';
import type { AuditResult } from '../domain/audit/audit-result';
import type { AuditRunView } from '../domain/audit/audit-run';
import type { Severity } from '../domain/threat-model/severity';
import { ThreatId } from '../domain/story/without-clause';
import { endpoint, NoPayload } from './endpoint';

export type { AuditRunView };

const FindingId = z.string().min(1).max(300);

/** Suppress a finding; the domain checks the reason (suppression.ts). */
export const FindingSuppression = z.object({ findingId: FindingId, why: z.string() });
export type FindingSuppression = z.infer<typeof FindingSuppression>;

export const FindingUnsuppression = z.object({ findingId: FindingId });
export type FindingUnsuppression = z.infer<typeof FindingUnsuppression>;

/** The fix for "clause linked to no threat": which clause of which story, and the threat. */
export const ClauseThreatLink = z.object({
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'An issue key looks like PAY-12'),
  clauseId: z.string().min(1).max(40),
  threatId: ThreatId,
});
export type ClauseThreatLink = z.infer<typeof ClauseThreatLink>;

/** The fix for a link to a retired or unknown threat: which story, and the threat id to unlink. */
export const ThreatLinkRemoval = ClauseThreatLink.pick({ issueKey: true, threatId: true });
export type ThreatLinkRemoval = z.infer<typeof ThreatLinkRemoval>;

/** The audit tab: the last complete audit (current suppressions applied), and the run in progress. */
export interface AuditView {
  projectKey: string;
  run: AuditRunView;
  /** When the shown result was computed (null: never audited). */
  completedAt: string | null;
  result: AuditResult | null;
  /** The stored run status or last result exists but cannot be read (problems say which): a new run replaces it. */
  resultUnreadable: boolean;
  /** Active threats, for the "link a threat" fix. */
  threats: Array<{ id: string; title: string; severity: Severity }>;
  canRun: boolean;
  canSuppress: boolean;
  /** Whether the person may edit the threat model: the mitigation fixes and answering questions. */
  canEditThreatModel: boolean;
  /** Whether the person may edit the project's issues: the "link a threat" fix edits a story. */
  canEditStories: boolean;
  /** Whether the person may create and link issues: the "create the task" fix. */
  canCreateTasks: boolean;
  problems: string[];
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
  'audit/get': endpoint<AuditView>()(NoPayload),
  'audit/progress': endpoint<AuditProgress>()(NoPayload),
  'audit/run': endpoint<AuditView>()(NoPayload),
  'audit/suppress': endpoint<AuditView>()(FindingSuppression),
  'audit/unsuppress': endpoint<AuditView>()(FindingUnsuppression),
  'audit/link-threat': endpoint<AuditView>()(ClauseThreatLink),
  'audit/remove-link': endpoint<AuditView>()(ThreatLinkRemoval),
};
