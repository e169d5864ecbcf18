import type { AuditResult } from './audit-result';
import type { Finding } from './finding';
import { FINDING_KIND_INFO, FINDING_KINDS, type FindingKind, type FindingSeverity } from './finding-kinds';

// SARIF 2.1.0, the format code scanning tools read. The findings are about Jira issues and
// threat model entries, not files: they are logical locations, and the issues' browse URLs
// are related locations.

export const TOOL_NAME = 'Without for Jira';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<FindingSeverity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

interface Text {
  text: string;
}
interface LogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}
interface RelatedLocation {
  id: number;
  physicalLocation: { artifactLocation: { uri: string } };
  message: Text;
}
export interface SarifResult {
  ruleId: FindingKind;
  ruleIndex: number;
  level: SarifLevel;
  rank: number;
  message: Text;
  locations: Array<{ logicalLocations: LogicalLocation[] }>;
  relatedLocations?: RelatedLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{
    kind: 'external';
    status: 'accepted';
    justification: string;
    properties: { by: string; at: string };
  }>;
  properties: Record<string, unknown>;
}
export interface SarifRule {
  id: FindingKind;
  name: string;
  shortDescription: Text;
  fullDescription: Text;
  help: Text;
  defaultConfiguration: { level: SarifLevel };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    automationDetails: { id: string };
    invocations: Array<{ executionSuccessful: boolean; endTimeUtc: string }>;
    results: SarifResult[];
    properties: Record<string, unknown>;
  }>;
}

export interface SarifOptions {
  /** The Jira site, e.g. https://example.atlassian.net */
  siteUrl: string;
  toolVersion: string;
}

const pascal = (kind: string): string =>
  kind.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase());

function rule(kind: FindingKind): SarifRule {
  const info = FINDING_KIND_INFO[kind];
  return {
    id: kind,
    name: pascal(kind),
    shortDescription: { text: info.title },
    fullDescription: { text: info.description },
    help: { text: info.help },
    defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
  };
}

function logicalLocations(projectKey: string, f: Finding): LogicalLocation[] {
  const { storyKeys, threatIds, mitigationIds, taskKeys } = f.entities;
  const list = [
    ...storyKeys.map((key) => ({ name: key, fullyQualifiedName: `${projectKey}/${key}`, kind: 'story' })),
    ...taskKeys.map((key) => ({ name: key, fullyQualifiedName: `${projectKey}/${key}`, kind: 'task' })),
    ...threatIds.map((id) => ({ name: id, fullyQualifiedName: `${projectKey}/threat-model/${id}`, kind: 'threat' })),
    ...mitigationIds.map((id) => ({
      name: id,
      fullyQualifiedName: `${projectKey}/threat-model/${id}`,
      kind: 'mitigation',
    })),
  ];
  return list.length > 0 ? list : [{ name: projectKey, fullyQualifiedName: projectKey, kind: 'project' }];
}

function result(projectKey: string, site: string, f: Finding): SarifResult {
  const issueKeys = [...f.entities.storyKeys, ...f.entities.taskKeys];
  const urls = issueKeys.map((key) => `${site}/browse/${encodeURIComponent(key)}`);
  return {
    ruleId: f.kind,
    ruleIndex: FINDING_KINDS.indexOf(f.kind),
    level: LEVEL[f.severity],
    // 0-100: probability x impact is at most 25.
    rank: Math.min(100, f.score * 4),
    message: { text: f.message },
    locations: [{ logicalLocations: logicalLocations(projectKey, f) }],
    ...(urls.length > 0
      ? {
          relatedLocations: urls.map((uri, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: { uri } },
            message: { text: `${issueKeys[i]} in Jira` },
          })),
        }
      : {}),
    partialFingerprints: { 'withoutFindingId/v1': f.id },
    ...(f.suppression
      ? {
          suppressions: [
            {
              kind: 'external' as const,
              status: 'accepted' as const,
              justification: f.suppression.why,
              properties: { by: f.suppression.by, at: f.suppression.at },
            },
          ],
        }
      : {}),
    properties: { severity: f.severity, score: f.score, findingId: f.id, fix: f.fix, issueUrls: urls },
  };
}

export function toSarif(audit: AuditResult, { siteUrl, toolVersion }: SarifOptions): SarifLog {
  const site = siteUrl.replace(/\/+$/, '');
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: toolVersion, rules: FINDING_KINDS.map(rule) } },
        automationDetails: { id: `without-audit/${audit.projectKey}/` },
        invocations: [{ executionSuccessful: true, endTimeUtc: audit.generatedAt }],
        results: audit.findings.map((f) => result(audit.projectKey, site, f)),
        properties: {
          projectKey: audit.projectKey,
          siteUrl: site,
          counts: audit.counts,
          totals: audit.totals,
          scanned: audit.scanned,
          ...(audit.coverage ? { coverage: audit.coverage } : {}),
        },
      },
    ],
  };
}
