import type { Threat } from '../threat-model/threat';
import type { AsvsStandard } from './asvs-catalogue';

// The backlog as evidence. ASVS 4.0.3 V1.1.3 asks that "all user stories and features contain
// functional security constraints": WITHOUT clauses are exactly that. V1.1.2 asks for threat
// modeling in design and sprint planning: a threat model whose threats the stories link. ASVS
// 5.0 dropped both (its chapter V1 is encoding and sanitization; no 5.0 requirement asks for
// security constraints in user stories), so for 5.0 the evidence is shown beside the list only.

export interface ClauseEvidence {
  /** Stories (of the types that carry stories) in the project. */
  stories: number;
  /** Of those, the ones with at least one WITHOUT clause. */
  storiesWithClauses: number;
  clauses: number;
  /** Clauses that name at least one threat. */
  linkedClauses: number;
  /**
   * Where the figures come from when not read just now: the last audit's story index (a view
   * cannot read every story of a large project), or nowhere yet (a large project never audited,
   * when every figure is 0 and says nothing).
   */
  source?: { kind: 'audit'; completedAt: string } | { kind: 'uncounted'; atLeast: number };
}

export interface RequirementEvidence {
  status: 'implemented' | 'planned' | 'none';
  /** What the backlog shows, in one sentence. */
  summary: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence: how many stories carry WITHOUT clauses and how many clauses name threats, and as of when. */
export function clauseSummary(e: ClauseEvidence): string {
  if (e.source?.kind === 'uncounted')
    return `The stories are not counted yet: the project has more than ${e.source.atLeast} stories, which the audit counts; run the audit to count them.`;
  const counted = `${e.storiesWithClauses} of ${plural(e.stories, 'story', 'stories')} carry WITHOUT clauses (${plural(e.clauses, 'clause')}, ${e.linkedClauses} linked to a threat)`;
  return e.source?.kind === 'audit'
    ? `${counted}, as of the audit of ${e.source.completedAt.slice(0, 10)}; run the audit to refresh.`
    : `${counted}.`;
}

/** Evidence for the requirements the backlog itself meets, or undefined for every other one. */
export function clauseEvidenceFor(
  standard: AsvsStandard,
  requirementId: string,
  evidence: ClauseEvidence,
  threats: Threat[],
): RequirementEvidence | undefined {
  if (standard !== 'asvs-4.0.3') return undefined;
  if (requirementId === 'V1.1.3') {
    const status =
      evidence.stories > 0 && evidence.storiesWithClauses === evidence.stories
        ? 'implemented'
        : evidence.storiesWithClauses > 0
          ? 'planned'
          : 'none';
    return { status, summary: clauseSummary(evidence) };
  }
  if (requirementId === 'V1.1.2') {
    const active = threats.filter((t) => t.state === 'active').length;
    const status = active > 0 && evidence.linkedClauses > 0 ? 'implemented' : active > 0 ? 'planned' : 'none';
    return {
      status,
      summary: `The threat model has ${plural(active, 'active threat')}; ${plural(evidence.linkedClauses, 'WITHOUT clause')} of the stories link them, and sprint planning shows each sprint's security work.`,
    };
  }
  return undefined;
}
