import { auditProject } from './audit';
import { audit, clean, messy, NOW, project, story } from './audit-fixtures';
import { compareFindings } from './finding';
import { FINDING_KINDS } from './finding-kinds';

describe('auditProject', () => {
  it('reaches every finding kind, each finding with a unique id', () => {
    const result = audit(messy());
    expect(new Set(result.findings.map((f) => f.kind))).toEqual(new Set(FINDING_KINDS));
    expect(new Set(result.findings.map((f) => f.id)).size).toBe(result.findings.length);
  });

  it('sorts by severity, then score, then id', () => {
    const { findings } = audit(messy());
    expect(findings.map((f) => f.severity)).toEqual([...findings].sort(compareFindings).map((f) => f.severity));
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[findings.length - 1]?.severity).toBe('low');
    for (let i = 1; i < findings.length; i++) expect(compareFindings(findings[i - 1]!, findings[i]!)).toBeLessThan(0);
  });

  it('counts per kind and per severity, and tells what it scanned', () => {
    const result = audit(messy());
    const bySeverity = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const f of result.findings) bySeverity[f.severity] += 1;
    expect(result.counts.bySeverity).toEqual(bySeverity);
    expect(Object.values(result.counts.byKind).reduce((a, b) => a + b, 0)).toBe(result.findings.length);
    expect(result.counts.byKind['threat-without-story']).toBe(1);
    expect(result).toMatchObject({
      projectKey: 'PAY',
      generatedAt: NOW,
      totals: { findings: result.findings.length, suppressed: 0 },
      staleSuppressions: [],
      scanned: { stories: 8, threats: 6, mitigations: 4, tasks: 5 },
    });
  });

  it('gives the same findings whatever the order of the input, so ids and order are stable between runs', () => {
    const shape = messy();
    const reversed = {
      ...shape,
      threats: [...shape.threats].reverse(),
      mitigations: [...shape.mitigations].reverse(),
      stories: [...shape.stories].reverse(),
      tasks: [...shape.tasks].reverse(),
    };
    expect(audit(reversed).findings.map((f) => f.id)).toEqual(audit(shape).findings.map((f) => f.id));
  });

  it('reads a story returned twice once, and two clauses stored with one id as one finding', () => {
    const twice = story('PAY-5', {
      clauses: [
        { id: 'c7', threatIds: [] },
        { id: 'c7', threatIds: [] },
      ],
    });
    const result = auditProject(project({ ...clean(), stories: [...clean().stories, twice, twice] }));
    expect(result.findings.map((f) => f.id)).toEqual(['clause-without-threat:PAY-5:c7']);
    expect(result.scanned.stories).toBe(2);
  });
});
