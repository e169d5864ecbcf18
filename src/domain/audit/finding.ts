import { z } from 'zod';
import { severityOf, type SeverityBand } from '../threat-model/severity';
import type { Threat } from '../threat-model/threat';
import {
  FINDING_KIND_INFO,
  FINDING_KINDS,
  FINDING_SEVERITIES,
  type FindingKind,
  type FindingSeverity,
} from './finding-kinds';
import { Suppression } from './suppression';

// Schema first: a stored audit result is read back from a project property anyone with project
// admin can write, so it is parsed with these, never cast.
export const FixAction = z.enum([
  'link-threat',
  'add-clause',
  'add-mitigation',
  'create-task',
  'open-story',
  'open-threat',
  'fix-value',
  'sync-status',
  'remove-link',
  'retire-threat',
  'answer-questions',
  'review-acceptance',
  'reopen-story',
]);
export type FixAction = z.infer<typeof FixAction>;

export const FindingEntities = z.object({
  storyKeys: z.array(z.string()),
  threatIds: z.array(z.string()),
  mitigationIds: z.array(z.string()),
  taskKeys: z.array(z.string()),
  clauseId: z.string().optional(),
});
export type FindingEntities = z.infer<typeof FindingEntities>;

export const FindingFix = z.object({
  action: FixAction,
  /** Button text. */
  label: z.string(),
  target: z.object({
    storyKey: z.string().optional(),
    threatId: z.string().optional(),
    mitigationId: z.string().optional(),
    clauseId: z.string().optional(),
    taskKey: z.string().optional(),
  }),
});
export type FindingFix = z.infer<typeof FindingFix>;

export const Finding = z.object({
  /** Kind and entities, e.g. `threat-without-story:T-4`: the same on every run, so suppressions stick. */
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(FINDING_SEVERITIES),
  /** For sorting within a severity: the highest probability x impact of its active threats. */
  score: z.number(),
  entities: FindingEntities,
  message: z.string(),
  fix: FindingFix,
  suppression: Suppression.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const SEVERITY_OF_BAND: Record<SeverityBand, FindingSeverity> = {
  Critical: 'critical',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
};

// A finding without an active threat sorts as one with a threat in the middle of its band.
const DEFAULT_SCORE: Record<FindingSeverity, number> = { critical: 21, high: 13, medium: 7, low: 2 };

export const SEVERITY_RANK: Record<FindingSeverity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** The highest severity band of the active threats involved; the kind's default when there are none. */
export function rate(kind: FindingKind, threats: Threat[]): { severity: FindingSeverity; score: number } {
  const scores = threats.filter((t) => t.state === 'active').map((t) => severityOf(t));
  if (scores.length === 0) {
    const severity = FINDING_KIND_INFO[kind].defaultSeverity;
    return { severity, score: DEFAULT_SCORE[severity] };
  }
  const top = scores.reduce((a, b) => (b.score > a.score ? b : a));
  return { severity: SEVERITY_OF_BAND[top.band], score: top.score };
}

export interface NewFinding {
  kind: FindingKind;
  /** The entities that make the finding unique, in a fixed order: they form its id. */
  key: string[];
  threats: Threat[];
  entities: Partial<FindingEntities>;
  message: string;
  fix: FindingFix;
}

export function newFinding(f: NewFinding): Finding {
  const { storyKeys = [], threatIds = [], mitigationIds = [], taskKeys = [], clauseId } = f.entities;
  return {
    id: [f.kind, ...f.key].join(':'),
    kind: f.kind,
    ...rate(f.kind, f.threats),
    entities: { storyKeys, threatIds, mitigationIds, taskKeys, ...(clauseId === undefined ? {} : { clauseId }) },
    message: f.message,
    fix: f.fix,
  };
}

/** Most severe first, then highest score, then by id so the order is the same on every run. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.score - a.score ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
