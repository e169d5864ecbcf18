import { severityOf, type SeverityBand } from '../severity';
import type { Threat } from '../threat';
import { FINDING_KIND_INFO, type FindingKind, type FindingSeverity } from './finding-kinds';
import type { Suppression } from './suppression';

export type FixAction =
  | 'link-threat'
  | 'add-clause'
  | 'add-mitigation'
  | 'create-task'
  | 'open-story'
  | 'open-threat'
  | 'fix-value'
  | 'sync-status'
  | 'remove-link'
  | 'retire-threat'
  | 'answer-questions';

export interface FindingEntities {
  storyKeys: string[];
  threatIds: string[];
  mitigationIds: string[];
  taskKeys: string[];
  clauseId?: string;
}

export interface FindingFix {
  action: FixAction;
  /** Button text. */
  label: string;
  target: { storyKey?: string; threatId?: string; mitigationId?: string; clauseId?: string; taskKey?: string };
}

export interface Finding {
  /** Kind and entities, e.g. `threat-without-story:T-4`: the same on every run, so suppressions stick. */
  id: string;
  kind: FindingKind;
  severity: FindingSeverity;
  /** For sorting within a severity: the highest probability x impact of its active threats. */
  score: number;
  entities: FindingEntities;
  message: string;
  fix: FindingFix;
  suppression?: Suppression;
}

const SEVERITY_OF_BAND: Record<SeverityBand, FindingSeverity> = { Critical: 'critical', High: 'high', Medium: 'medium', Low: 'low' };

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
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
