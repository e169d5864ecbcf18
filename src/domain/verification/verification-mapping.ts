import type { KnowledgeBase } from '../knowledge-base/knowledge-base';
import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import type { ThreatModel } from '../threat-model/threat-model';
import { pushTo } from '../common/group-by';
import { normalizeCwe } from './cwe';
import type { SarifFinding, SarifReport } from './sarif-findings';

// Maps security-test results to the threat model: by CWE (the references of the knowledge-base
// templates a threat or mitigation was made from, and the CWE ids set by hand on threats) and
// by the rule ids the project maps in its settings. A result that reaches a mitigation in place
// (implemented or existing) says the mitigation does not work yet: "verification failed".

export interface MappedMitigation {
  id: string;
  title: string;
  status: Mitigation['status'];
  /** Implemented or existing: an open result contradicts it. */
  inPlace: boolean;
}

export interface MappedResult extends SarifFinding {
  threats: Array<{ id: string; title: string }>;
  mitigations: MappedMitigation[];
  /** Why it maps, e.g. `CWE-79 of T-7`, `rule js/xss mapped to M-5`. */
  via: string[];
}

export interface VerificationMapping {
  tools: string[];
  /** Open results, mapped or not. */
  results: MappedResult[];
  /** Results that are not open (passed, suppressed, fixed since the baseline, level none). */
  closed: number;
  /** Mitigations in place with at least one open mapped result. */
  failing: Array<{ id: string; title: string; results: SarifFinding[] }>;
}

const IN_PLACE = new Set(['implemented', 'existing']);

/** Results an upload's answer lists: a file of thousands of results must not outgrow Forge's 5 MB answer. */
export const ANSWERED_RESULTS_MAX = 200;

/**
 * The mapping as an upload answers it: the mapped results first, at most ANSWERED_RESULTS_MAX
 * results in all, the failing mitigations without their results again (their records hold
 * them), and how many results there were and how many mapped.
 */
export function answeredMapping(mapping: VerificationMapping): {
  mapping: VerificationMapping;
  counts: { results: number; mapped: number };
} {
  const isMapped = (r: MappedResult) => r.threats.length + r.mitigations.length > 0;
  const mapped = mapping.results.filter(isMapped);
  const ordered = [...mapped, ...mapping.results.filter((r) => !isMapped(r))];
  return {
    mapping: {
      ...mapping,
      results: ordered.slice(0, ANSWERED_RESULTS_MAX),
      failing: mapping.failing.map(({ id, title }) => ({ id, title, results: [] })),
    },
    counts: { results: mapping.results.length, mapped: mapped.length },
  };
}

/** The CWE references of the template a threat or mitigation came from, in an active knowledge base. */
function templateCwe(
  source: { knowledgeBaseId: string; templateId: string; detectionEventId?: string } | undefined,
  knowledgeBases: KnowledgeBase[],
  kind: 'threats' | 'mitigations',
): string[] {
  if (!source || source.detectionEventId !== undefined) return [];
  const kb = knowledgeBases.find((k) => k.id === source.knowledgeBaseId);
  const template = kb?.[kind].find((t) => t.id === source.templateId);
  return (template?.references ?? []).filter((r) => r.kind === 'cwe').flatMap((r) => normalizeCwe(r.value) ?? []);
}

export function threatCwe(threat: Threat, knowledgeBases: KnowledgeBase[]): string[] {
  const fromTemplate =
    threat.source.kind === 'knowledge-base' ? templateCwe(threat.source, knowledgeBases, 'threats') : [];
  const byHand = (threat.cwe ?? []).flatMap((c) => normalizeCwe(c) ?? []);
  return [...new Set([...fromTemplate, ...byHand])];
}

interface Index {
  threatsByCwe: Map<string, Threat[]>;
  mitigationsByCwe: Map<string, Mitigation[]>;
  mitigationsByThreat: Map<string, Mitigation[]>;
  rules: Map<string, string[]>;
  model: ThreatModel;
}

function indexModel(model: ThreatModel, knowledgeBases: KnowledgeBase[]): Index {
  const active = model.threats.filter((t) => t.state === 'active');
  const threatsByCwe = new Map<string, Threat[]>();
  for (const t of active) for (const cwe of threatCwe(t, knowledgeBases)) pushTo(threatsByCwe, cwe, t);
  // A detective control (an alert) is not contradicted by a finding of the weakness it watches.
  const checked = model.mitigations.filter((m) => m.status !== 'rejected' && m.controlType !== 'detective');
  const mitigationsByCwe = new Map<string, Mitigation[]>();
  for (const m of checked)
    for (const cwe of templateCwe(m.source, knowledgeBases, 'mitigations')) pushTo(mitigationsByCwe, cwe, m);
  const mitigationsByThreat = new Map<string, Mitigation[]>();
  for (const m of checked) for (const a of m.addresses) pushTo(mitigationsByThreat, a.threatId, m);
  const rules = new Map<string, string[]>();
  for (const r of model.settings.verificationRules ?? []) pushTo(rules, r.ruleId, r.target);
  return { threatsByCwe, mitigationsByCwe, mitigationsByThreat, rules, model };
}

function mapOne(finding: SarifFinding, index: Index): MappedResult {
  const threats = new Map<string, Threat>();
  const mitigations = new Map<string, Mitigation>();
  const via: string[] = [];
  const viaThreat = (t: Threat, why: string) => {
    threats.set(t.id, t);
    via.push(why);
    for (const m of index.mitigationsByThreat.get(t.id) ?? []) mitigations.set(m.id, m);
  };
  for (const cwe of finding.cwe) {
    for (const t of index.threatsByCwe.get(cwe) ?? []) viaThreat(t, `${cwe} of ${t.id}`);
    for (const m of index.mitigationsByCwe.get(cwe) ?? []) {
      mitigations.set(m.id, m);
      via.push(`${cwe} of ${m.id}`);
    }
  }
  for (const target of index.rules.get(finding.ruleId) ?? []) {
    const why = `rule ${finding.ruleId} mapped to ${target}`;
    const threat = index.model.threats.find((t) => t.id === target && t.state === 'active');
    const mitigation = index.model.mitigations.find((m) => m.id === target && m.status !== 'rejected');
    if (threat) viaThreat(threat, why);
    else if (mitigation) {
      mitigations.set(mitigation.id, mitigation);
      via.push(why);
    }
  }
  return {
    ...finding,
    threats: [...threats.values()].map((t) => ({ id: t.id, title: t.title })),
    mitigations: [...mitigations.values()].map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status,
      inPlace: IN_PLACE.has(m.status),
    })),
    via: [...new Set(via)],
  };
}

/** Maps a file's results onto the model; pure, so the CLI, the upload and the tests share it. */
export function mapSarifResults(
  { tools, findings }: SarifReport,
  model: ThreatModel,
  knowledgeBases: KnowledgeBase[],
): VerificationMapping {
  const index = indexModel(model, knowledgeBases);
  const open = findings.filter((f) => f.open);
  const results = open.map((f) => mapOne(f, index));
  const failing = new Map<string, { id: string; title: string; results: SarifFinding[] }>();
  for (const result of results) {
    const { threats: _t, mitigations, via: _v, ...finding } = result;
    for (const m of mitigations.filter((x) => x.inPlace)) {
      const entry = failing.get(m.id) ?? { id: m.id, title: m.title, results: [] };
      entry.results.push(finding);
      failing.set(m.id, entry);
    }
  }
  return {
    tools,
    results,
    closed: findings.length - open.length,
    failing: [...failing.values()].sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2))),
  };
}
