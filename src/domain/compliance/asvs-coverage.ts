import type { MitigationView } from '../mitigation/mitigation-view';
import type { MitigationStatus } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import {
  appliesAt,
  ASVS_ATTRIBUTION,
  asvsReference,
  type AsvsLevel,
  type AsvsRequirement,
  type AsvsStandard,
} from './asvs-catalogue';
import { asvsCatalogue } from './asvs-catalogues';
import { clauseEvidenceFor, type ClauseEvidence, type RequirementEvidence } from './clause-evidence';

// ASVS coverage: for each requirement of a standard at a level, the mitigations that meet it
// (named on the mitigation, on its knowledge-base template, or on a threat it addresses) and
// what their status says: implemented (a mitigation in place), planned (accepted work not done
// yet) or none (only proposed or rejected ones, or nothing at all).

export type CoverageStatus = 'implemented' | 'planned' | 'none';
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['implemented', 'planned', 'none'];

/** At most this many story keys per requirement: the rest are counted and reached by JQL. */
export const STORIES_SHOWN = 10;
/** At most this many mitigations per requirement in a view; the count says how many there are. */
export const MITIGATIONS_SHOWN = 25;

const COUNTS_AS: Record<MitigationStatus, CoverageStatus> = {
  implemented: 'implemented',
  existing: 'implemented',
  accepted: 'planned',
  planned: 'planned',
  'in-progress': 'planned',
  proposed: 'none',
  rejected: 'none',
};

export interface CoveringMitigation {
  id: string;
  title: string;
  status: MitigationStatus;
  /** Its task's key and Jira status, once it has one. */
  task: { key: string; statusName: string } | null;
  threatIds: string[];
}

export interface RequirementCoverage {
  /** As in the document: V6.3.1. */
  id: string;
  /** The reference form a mitigation names: v5.0.0-6.3.1. */
  reference: string;
  chapter: string;
  section: string;
  text: string;
  /** The lowest level it applies at. */
  level: AsvsLevel;
  levelNote?: string;
  cwe?: string[];
  status: CoverageStatus;
  mitigations: CoveringMitigation[];
  mitigationCount: number;
  /** The threats of the mitigations shown (at most MITIGATIONS_SHOWN); threatCount counts them all. */
  threats: Array<{ id: string; title: string }>;
  threatCount: number;
  /** Keys of stories that link a covering mitigation's threats (at most STORIES_SHOWN). */
  stories: string[];
  storyCount: number;
  /** For the requirements the backlog itself is evidence of (4.0.3 V1.1.2, V1.1.3). */
  evidence?: RequirementEvidence;
}

export interface AsvsCoverage {
  standard: AsvsStandard;
  version: string;
  level: AsvsLevel;
  counts: Record<CoverageStatus, number>;
  requirements: RequirementCoverage[];
  /** The stories' WITHOUT clauses, as evidence of security constraints in stories. */
  clauseEvidence: ClauseEvidence;
  /** Where that evidence counts: 4.0.3 V1.1.3; null for 5.0, which has no such requirement. */
  clauseRequirement: string | null;
  /** The CC BY-SA 4.0 attribution, shown and shipped wherever the requirements' text is. */
  attribution: string;
}

export interface CoverageInput {
  threats: Threat[];
  /** With their tasks' live statuses. */
  mitigations: MitigationView[];
  /** Story keys by the threat ids they link, clauses or directly. */
  storiesByThreat: Map<string, string[]>;
  clauseEvidence: ClauseEvidence;
  /**
   * The ASVS references of the knowledge-base template a mitigation was made from, for
   * mitigations stored before their template named any (they inherit them).
   */
  templateReferences?: (mitigation: MitigationView) => string[] | undefined;
  /** The same for threats: the references of the threat template a threat was made from. */
  threatTemplateReferences?: (threat: Threat) => string[] | undefined;
}

const best = (statuses: CoverageStatus[]): CoverageStatus =>
  statuses.includes('implemented') ? 'implemented' : statuses.includes('planned') ? 'planned' : 'none';

/** The references a mitigation names: its own, else its template's. */
function referencesOf(m: MitigationView, input: CoverageInput): string[] {
  if (m.asvs && m.asvs.length > 0) return m.asvs;
  return input.templateReferences?.(m) ?? [];
}

/** Mitigations by the references they meet, directly or through a threat that names the requirement. */
function mitigationsByReference(input: CoverageInput): Map<string, MitigationView[]> {
  const byRef = new Map<string, Set<MitigationView>>();
  const add = (ref: string, m: MitigationView) => {
    const set = byRef.get(ref) ?? new Set<MitigationView>();
    set.add(m);
    byRef.set(ref, set);
  };
  const byThreat = new Map<string, MitigationView[]>();
  for (const m of input.mitigations) {
    for (const ref of referencesOf(m, input)) add(ref, m);
    for (const a of m.addresses) {
      const list = byThreat.get(a.threatId);
      if (list) list.push(m);
      else byThreat.set(a.threatId, [m]);
    }
  }
  for (const t of input.threats) {
    const refs = t.asvs && t.asvs.length > 0 ? t.asvs : (input.threatTemplateReferences?.(t) ?? []);
    for (const ref of refs) for (const m of byThreat.get(t.id) ?? []) add(ref, m);
  }
  return new Map([...byRef].map(([ref, set]) => [ref, [...set]]));
}

function storiesOf(threatIds: string[], input: CoverageInput): string[] {
  const keys = new Set<string>();
  for (const id of threatIds) for (const key of input.storiesByThreat.get(id) ?? []) keys.add(key);
  return [...keys].sort(compareKeys);
}

/** PAY-2 before PAY-10. */
const compareKeys = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

function coverRequirement(
  standard: AsvsStandard,
  requirement: AsvsRequirement,
  level: AsvsLevel,
  mitigations: MitigationView[],
  input: CoverageInput,
): RequirementCoverage {
  const listed = mitigations
    .filter((m) => m.status !== 'rejected')
    .sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
  const threatIds = [...new Set(listed.flatMap((m) => m.addresses.map((a) => a.threatId)))];
  const shown = listed.slice(0, MITIGATIONS_SHOWN);
  const shownThreats = [...new Set(shown.flatMap((m) => m.addresses.map((a) => a.threatId)))].slice(
    0,
    MITIGATIONS_SHOWN,
  );
  const threatTitles = new Map(input.threats.map((t) => [t.id, t.title]));
  const stories = storiesOf(threatIds, input);
  const evidence = clauseEvidenceFor(standard, requirement.id, input.clauseEvidence, input.threats);
  const fromMitigations = best(listed.map((m) => COUNTS_AS[m.status]));
  const lowest = requirement.levels[0] ?? level;
  return {
    id: requirement.id,
    reference: asvsReference(standard, requirement.id),
    chapter: requirement.chapter,
    section: requirement.section,
    text: requirement.text,
    level: lowest,
    ...(requirement.levelNotes?.[String(level)] ? { levelNote: requirement.levelNotes[String(level)] } : {}),
    ...(requirement.cwe && requirement.cwe.length > 0 ? { cwe: requirement.cwe } : {}),
    status: evidence ? best([fromMitigations, evidence.status]) : fromMitigations,
    mitigations: shown.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      task: m.task ? { key: m.task.key, statusName: m.task.statusName } : null,
      threatIds: m.addresses.map((a) => a.threatId),
    })),
    mitigationCount: listed.length,
    threats: shownThreats.map((id) => ({ id, title: threatTitles.get(id) ?? id })),
    threatCount: threatIds.length,
    stories: stories.slice(0, STORIES_SHOWN),
    storyCount: stories.length,
    ...(evidence ? { evidence } : {}),
  };
}

/** Every requirement of the standard that applies at the level, in the document's order, with its coverage. */
export function asvsCoverage(standard: AsvsStandard, level: AsvsLevel, input: CoverageInput): AsvsCoverage {
  const catalogue = asvsCatalogue(standard);
  const byRef = mitigationsByReference(input);
  const requirements = catalogue.requirements
    .filter((r) => appliesAt(r, level))
    .map((r) => coverRequirement(standard, r, level, byRef.get(asvsReference(standard, r.id)) ?? [], input));
  const counts = { implemented: 0, planned: 0, none: 0 };
  for (const r of requirements) counts[r.status] += 1;
  return {
    standard,
    version: catalogue.version,
    level,
    counts,
    requirements,
    clauseEvidence: input.clauseEvidence,
    clauseRequirement: standard === 'asvs-4.0.3' ? 'V1.1.3' : null,
    attribution: ASVS_ATTRIBUTION,
  };
}
