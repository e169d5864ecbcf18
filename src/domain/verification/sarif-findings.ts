import { normalizeCwe } from './cwe';
import type { ReportingDescriptor, SarifLog, SarifResult, SarifRun } from './sarif-log';

// The results of a SARIF log as the mapping needs them: tool, rule, CWE ids, where, and
// whether the result is still open. Tools say CWE in different places, all read here:
// CodeQL in the rule's properties.tags ("external/cwe/cwe-079"), Semgrep in tags too
// ("CWE-79: Improper Neutralization…"), ZAP and others as taxa or rule relationships that
// point into a CWE taxonomy ({ "id": "79", "toolComponent": { "name": "CWE" } }).

export interface SarifFinding {
  tool: string;
  ruleId: string;
  cwe: string[];
  message: string;
  /** `path:line`, or '' when the result names no place. */
  location: string;
  /** Open: a failure, not suppressed, not fixed since the baseline, not a mere note of level none. */
  open: boolean;
}

type Run = SarifRun;
type Reference = { id?: string; index?: number; toolComponent?: { name?: string; index?: number } };

const isCweTaxonomy = (name: string | undefined) => name !== undefined && /cwe/i.test(name);

function ruleOf(run: Run, result: SarifResult): ReportingDescriptor | undefined {
  const id = result.ruleId ?? result.rule?.id;
  const components = [run.tool.driver, ...(run.tool.extensions ?? [])];
  const extension = result.rule?.toolComponent?.index;
  const home = extension !== undefined ? run.tool.extensions?.[extension] : run.tool.driver;
  const index = result.ruleIndex ?? result.rule?.index;
  if (index !== undefined && index >= 0 && home?.rules?.[index]) return home.rules[index];
  return components.flatMap((c) => c.rules ?? []).find((r) => r.id === id);
}

/** The CWE a reference to a taxon names, when it points into a CWE taxonomy. */
function cweOfReference(run: Run, ref: Reference): string | undefined {
  const byIndex = ref.toolComponent?.index !== undefined ? run.taxonomies?.[ref.toolComponent.index] : undefined;
  const taxonomyName = ref.toolComponent?.name ?? byIndex?.name;
  if (!isCweTaxonomy(taxonomyName)) return ref.id && /cwe/i.test(ref.id) ? normalizeCwe(ref.id) : undefined;
  const taxonomy = byIndex ?? run.taxonomies?.find((t) => t.name === taxonomyName);
  const id = ref.id ?? (ref.index !== undefined ? taxonomy?.taxa?.[ref.index]?.id : undefined);
  return id ? normalizeCwe(id) : undefined;
}

const cweOfTags = (tags: string[] | undefined): string[] =>
  (tags ?? []).filter((t) => /cwe/i.test(t)).flatMap((t) => normalizeCwe(t) ?? []);

/** Loose numeric CWE properties some tools write (`"cwe": 79`, `"cweid": "79"`). */
function cweOfProperties(properties: Record<string, unknown> | undefined): string[] {
  return ['cwe', 'cweid', 'cweId', 'CWE']
    .map((key) => properties?.[key])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .flatMap((v) => normalizeCwe(String(v)) ?? []);
}

function cweOf(run: Run, result: SarifResult, rule: ReportingDescriptor | undefined): string[] {
  const found = [
    ...cweOfTags(rule?.properties?.tags),
    ...cweOfTags(result.properties?.tags),
    ...cweOfProperties(rule?.properties),
    ...cweOfProperties(result.properties),
    ...(rule?.relationships ?? []).flatMap((r) => cweOfReference(run, r.target) ?? []),
    ...(result.taxa ?? []).flatMap((t) => cweOfReference(run, t) ?? []),
  ];
  return [...new Set(found)];
}

function locationOf(result: SarifResult): string {
  const physical = result.locations?.[0]?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (!uri) return '';
  const line = physical?.region?.startLine;
  return line ? `${uri}:${line}` : uri;
}

function isOpen(result: SarifResult): boolean {
  if ((result.kind ?? 'fail') !== 'fail') return false;
  if (result.level === 'none') return false;
  if (result.baselineState === 'absent') return false;
  // A suppression without a status is accepted (SARIF 2.1.0, 3.35.3); a rejected one suppresses nothing.
  return !(result.suppressions ?? []).some((s) => s.status !== 'rejected');
}

export interface SarifReport {
  /** The tools of the file's runs (a run with no results still tells that the tool found nothing). */
  tools: string[];
  findings: SarifFinding[];
}

export const sarifReport = (log: SarifLog): SarifReport => ({
  tools: [...new Set(log.runs.map((run) => run.tool.driver.name))],
  findings: sarifFindings(log),
});

function sarifFindings(log: SarifLog): SarifFinding[] {
  return log.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const rule = ruleOf(run, result);
      return {
        tool: run.tool.driver.name,
        ruleId: result.ruleId ?? result.rule?.id ?? rule?.id ?? '',
        cwe: cweOf(run, result, rule),
        message: (result.message.text ?? result.message.markdown ?? '').slice(0, 500),
        location: locationOf(result).slice(0, 300),
        open: isOpen(result),
      };
    }),
  );
}
