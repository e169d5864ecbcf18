import type { AuditResult } from '../audit/audit-result';
import type { AsvsCoverage } from '../compliance/asvs-coverage';
import type { ClauseEvidence } from '../compliance/clause-evidence';
import type { MitigationView } from '../mitigation/mitigation-view';
import { mitigationsByThreat, type RiskRules } from '../threat-model/residual-risk';
import type { RiskPoint } from '../threat-model/risk-history';
import { severityOf, type SeverityBand } from '../threat-model/severity';
import type { Threat } from '../threat-model/threat';
import { acceptanceState } from '../threat-model/threat-acceptance';
import { asMitigations, threatRisk, type ProjectRiskView } from '../threat-model/threat-risk';

// What a threat-model report says, built once from what the app read, then rendered as
// Markdown or HTML (markdown-report.ts, html-report.ts). Pure: no Jira, no clock.

/** Threats on the report's first page. */
export const TOP_THREATS = 10;
/** Story keys shown per threat; the rest are counted. */
export const STORIES_PER_THREAT = 8;

export interface ReportInput {
  project: { key: string; name: string };
  generatedAt: string;
  /** http(s) base of the Jira site for links to issues; none inside Forge. */
  siteUrl?: string;
  knowledgeBases: Array<{ id: string; name: string; version: string }>;
  threats: Threat[];
  mitigations: MitigationView[];
  risk: ProjectRiskView;
  riskRules: RiskRules;
  history: RiskPoint[];
  storiesByThreat: Map<string, string[]>;
  clauseEvidence: ClauseEvidence;
  audit: { result: AuditResult | undefined; completedAt: string | null };
  coverage: AsvsCoverage;
  /** Display names by account id (people who accepted risks). */
  names: Record<string, string>;
  problems: string[];
}

export interface ReportThreat {
  id: string;
  title: string;
  stride: string;
  state: 'active' | 'retired';
  severity: { score: number; band: SeverityBand };
  residual: number;
  planned: number;
  stories: string[];
  /** Null when the stories were not counted (a large project no audit has read yet). */
  storyCount: number | null;
  acceptance: 'accepted' | 'expired' | 'none';
}

export interface ReportMitigation {
  id: string;
  title: string;
  status: string;
  controlType: string;
  threatIds: string[];
  task: { key: string; statusName: string } | null;
}

export interface AcceptedRisk {
  threatId: string;
  title: string;
  residual: number;
  by: string;
  at: string;
  until: string;
  reason: string;
  state: 'accepted' | 'expired';
}

export interface ThreatModelReport {
  project: { key: string; name: string };
  generatedAt: string;
  siteUrl?: string;
  knowledgeBases: ReportInput['knowledgeBases'];
  counts: { activeThreats: number; retiredThreats: number; mitigations: number; tasks: number };
  risk: ProjectRiskView;
  history: RiskPoint[];
  topThreats: ReportThreat[];
  threats: ReportThreat[];
  mitigations: ReportMitigation[];
  acceptedRisks: AcceptedRisk[];
  audit: {
    completedAt: string | null;
    bySeverity: Record<string, number> | null;
    findings: number;
    suppressed: number;
    scanned: AuditResult['scanned'] | null;
  };
  clauseEvidence: ClauseEvidence;
  coverage: AsvsCoverage;
  problems: string[];
}

const byThreatNumber = (a: { id: string }, b: { id: string }) => Number(a.id.slice(2)) - Number(b.id.slice(2));
const round = (n: number) => Math.round(n * 100) / 100;

function reportThreat(
  input: ReportInput,
  t: Threat,
  byThreat: Map<string, ReturnType<typeof asMitigations>>,
): ReportThreat {
  const risk = threatRisk(t, byThreat.get(t.id) ?? [], input.riskRules);
  const stories = [...(input.storiesByThreat.get(t.id) ?? [])];
  const state = acceptanceState(t.acceptance, input.generatedAt, t);
  return {
    id: t.id,
    title: t.title,
    stride: t.stride.join(''),
    state: t.state,
    severity: severityOf(t),
    residual: round(t.state === 'active' ? risk.residual : 0),
    planned: round(t.state === 'active' ? risk.planned : 0),
    stories: stories.slice(0, STORIES_PER_THREAT),
    storyCount: input.clauseEvidence.source?.kind === 'uncounted' ? null : stories.length,
    acceptance: state,
  };
}

function acceptedRisks(input: ReportInput, threats: ReportThreat[]): AcceptedRisk[] {
  const byId = new Map(threats.map((t) => [t.id, t]));
  return input.threats
    .filter((t) => t.acceptance && t.state === 'active')
    .map((t) => ({
      threatId: t.id,
      title: t.title,
      residual: byId.get(t.id)?.residual ?? 0,
      by: input.names[t.acceptance!.accountId] ?? 'Someone whose name Jira does not show you',
      // Stored values are input: a time that is not one is not shown as a date.
      at: /^\d{4}-\d{2}-\d{2}/.test(t.acceptance!.at) ? t.acceptance!.at.slice(0, 10) : 'unknown',
      until: t.acceptance!.until,
      reason: t.acceptance!.reason,
      state:
        acceptanceState(t.acceptance, input.generatedAt, t) === 'expired'
          ? ('expired' as const)
          : ('accepted' as const),
    }))
    .sort((a, b) => Number(a.threatId.slice(2)) - Number(b.threatId.slice(2)));
}

export function buildReport(input: ReportInput): ThreatModelReport {
  const byThreat = mitigationsByThreat(asMitigations(input.mitigations));
  const threats = [...input.threats].sort(byThreatNumber).map((t) => reportThreat(input, t, byThreat));
  const active = threats.filter((t) => t.state === 'active');
  const topThreats = [...active]
    .sort((a, b) => b.residual - a.residual || b.severity.score - a.severity.score || byThreatNumber(a, b))
    .slice(0, TOP_THREATS);
  const result = input.audit.result;
  return {
    project: input.project,
    generatedAt: input.generatedAt,
    ...(input.siteUrl ? { siteUrl: input.siteUrl } : {}),
    knowledgeBases: input.knowledgeBases,
    counts: {
      activeThreats: active.length,
      retiredThreats: threats.length - active.length,
      mitigations: input.mitigations.length,
      tasks: input.mitigations.filter((m) => m.task).length,
    },
    risk: { now: round(input.risk.now), planned: round(input.risk.planned), inherent: round(input.risk.inherent) },
    history: input.history,
    topThreats,
    threats,
    mitigations: [...input.mitigations].sort(byThreatNumber).map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      controlType: m.controlType,
      threatIds: m.addresses.map((a) => a.threatId),
      task: m.task ? { key: m.task.key, statusName: m.task.statusName } : null,
    })),
    acceptedRisks: acceptedRisks(input, threats),
    audit: {
      completedAt: input.audit.completedAt,
      bySeverity: result ? result.counts.bySeverity : null,
      findings: result?.totals.findings ?? 0,
      suppressed: result?.totals.suppressed ?? 0,
      scanned: result?.scanned ?? null,
    },
    clauseEvidence: input.clauseEvidence,
    coverage: input.coverage,
    problems: input.problems,
  };
}
