import type { AuditInput } from './audit-input';
import { failedVerifications } from '../verification/verification-checks';
import { type AuditIndex, indexAudit } from './audit-index';
import { type AuditResult, countFindings } from './audit-result';
import { compareFindings, type Finding } from './finding';
import { deadThreatLinks } from './link-checks';
import { mitigationsWithoutTask } from './mitigation-checks';
import { clausesWithoutThreat, doneStoriesUnmitigated, uncoveredStoryThreats } from './story-checks';
import { applySuppressions } from './apply-suppressions';
import type { Suppression } from './suppression';
import { unansweredQuestions } from './question-checks';
import { expiredAcceptances } from './acceptance-checks';
import { auditRisk } from './audit-risk';
import { auditCoverage, storiesNeedingModeling } from './story-need-checks';
import { orphanTasks, unrecordedTasks } from './task-checks';
import { statusesOutOfSync, threatsWithoutMitigation, threatsWithoutStory } from './threat-checks';
import { invalidStoryClauses, invalidTaskProperties, modelUnreadable } from './value-checks';

export type { AuditInput, AuditStory, AuditTask } from './audit-input';
export type { AuditCounts, AuditResult } from './audit-result';
export type { Finding, FindingEntities, FindingFix, FixAction } from './finding';
export type { FindingKind, FindingSeverity } from './finding-kinds';

const CHECKS: Array<(index: AuditIndex) => Finding[]> = [
  modelUnreadable,
  invalidStoryClauses,
  invalidTaskProperties,
  threatsWithoutStory,
  uncoveredStoryThreats,
  clausesWithoutThreat,
  threatsWithoutMitigation,
  mitigationsWithoutTask,
  orphanTasks,
  unrecordedTasks,
  doneStoriesUnmitigated,
  deadThreatLinks,
  statusesOutOfSync,
  unansweredQuestions,
  expiredAcceptances,
  storiesNeedingModeling,
  failedVerifications,
];

/** One finding per id: two clauses stored with the same id must not make two findings with one id. */
const uniqueById = (findings: Finding[]): Finding[] => [...new Map(findings.map((f) => [f.id, f])).values()];

/** What is missing or out of line between a project's threat model and its backlog. Pure. */
export function auditProject(input: AuditInput): AuditResult {
  const index = indexAudit(input);
  const findings = uniqueById(CHECKS.flatMap((check) => check(index))).sort(compareFindings);
  const scanned = {
    stories: index.stories.length,
    threats: input.model.threats.length,
    mitigations: input.model.mitigations.length,
    tasks: index.tasks.length,
  };
  const coverage = auditCoverage(index);
  const risk = auditRisk(index);
  return withSuppressions(
    {
      projectKey: input.projectKey,
      generatedAt: input.now,
      findings,
      scanned,
      risk,
      ...(coverage ? { coverage } : {}),
      ...(input.restrictedLeftOut ? { restrictedLeftOut: input.restrictedLeftOut } : {}),
    },
    input.suppressions,
  );
}

/**
 * The result with these suppressions, counted again: how a run ends, and how a stored result
 * shows suppressions made since it ran.
 */
export function withSuppressions(
  result: Pick<
    AuditResult,
    'projectKey' | 'generatedAt' | 'findings' | 'scanned' | 'coverage' | 'risk' | 'restrictedLeftOut'
  >,
  suppressions: Suppression[],
): AuditResult {
  const { findings, stale } = applySuppressions(
    result.findings.map(({ suppression: _earlier, ...finding }) => finding),
    suppressions,
  );
  const suppressed = findings.filter((f) => f.suppression).length;
  return {
    projectKey: result.projectKey,
    generatedAt: result.generatedAt,
    findings,
    counts: countFindings(findings),
    totals: { findings: findings.length - suppressed, suppressed },
    staleSuppressions: stale,
    scanned: result.scanned,
    ...(result.coverage ? { coverage: result.coverage } : {}),
    ...(result.risk ? { risk: result.risk } : {}),
    ...(result.restrictedLeftOut ? { restrictedLeftOut: result.restrictedLeftOut } : {}),
  };
}
