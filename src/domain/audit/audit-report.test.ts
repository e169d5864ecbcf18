import { audit, clean, messy, threat } from './audit-fixtures';
import { failsAt, toJson } from './audit-report';

describe('toJson', () => {
  it('is the result, pretty printed', () => {
    const result = audit(messy());
    const json = toJson(result);
    expect(JSON.parse(json)).toEqual(result);
    expect(json).toContain('\n  "projectKey": "PAY",');
  });
});

describe('failsAt', () => {
  it('fails at a level when an unsuppressed finding at or above it exists', () => {
    const base = clean();
    // A low threat with no story and no mitigation: two low findings.
    const result = audit({ ...base, threats: [...base.threats, threat('T-2', { probability: 1, impact: 1 })] });
    expect(result.findings.map((f) => [f.kind, f.severity])).toEqual([
      ['threat-without-mitigation', 'low'],
      ['threat-without-story', 'low'],
    ]);
    expect(failsAt(result, 'low')).toBe(true);
    expect(failsAt(result, 'medium')).toBe(false);
    expect(failsAt(audit(clean()), 'low')).toBe(false);
  });
});
