import { asvsCoverage } from '../compliance/asvs-coverage';
import { aMitigation, aThreat } from '../compliance/compliance-mother';
import type { ReportInput } from './report-model';

/** A hostile title: HTML, a script, a Markdown link and image, autolinks, a table break, a heading. */
export const HOSTILE =
  '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) ![i](https://evil.example/p.png) https://evil.example www.evil.example a@evil.example | # x *y* `z`';

/** A small project: a critical threat with a hostile title, two mitigations, a history, an accepted risk, an audit. */
export function aReportInput(extra: Partial<ReportInput> = {}): ReportInput {
  const threats = [
    aThreat('T-1', { title: HOSTILE, probability: 5, impact: 4 }),
    aThreat('T-2', {
      title: 'Refund paid twice',
      probability: 3,
      impact: 3,
      acceptance: {
        accountId: '712020:bob',
        at: '2026-11-20T09:00:00.000Z',
        reason: 'Refunds are capped at 50 EUR <b>',
        until: '2027-01-31',
      },
    }),
    aThreat('T-3', { title: 'Old threat', state: 'retired' }),
  ];
  const mitigations = [
    aMitigation('M-1', ['T-1'], 'implemented', {
      title: 'Strict CSP',
      asvs: ['v5.0.0-3.4.3'],
      task: { id: '10', key: 'PAY-7', statusName: 'Done <x>', categoryKey: 'done' },
    }),
    aMitigation('M-2', ['T-1'], 'accepted', { title: 'SRI on scripts', asvs: ['v5.0.0-3.6.1'] }),
  ];
  const storiesByThreat = new Map([['T-1', ['PAY-1', 'PAY-2']]]);
  const clauseEvidence = { stories: 4, storiesWithClauses: 2, clauses: 3, linkedClauses: 2 };
  return {
    project: { key: 'PAY', name: 'Payments' },
    generatedAt: '2026-12-02T10:00:00.000Z',
    knowledgeBases: [{ id: 'web-and-api', name: 'Web applications and APIs', version: '2026.12.1' }],
    threats,
    mitigations,
    risk: { now: 19, planned: 19, inherent: 29 },
    riskRules: { countDetective: false },
    history: [
      { date: '2026-11-01', now: 29, planned: 29 },
      { date: '2026-11-15', now: 24, planned: 20 },
      { date: '2026-12-01', now: 19, planned: 19 },
    ],
    storiesByThreat,
    clauseEvidence,
    audit: {
      completedAt: '2026-12-01T08:00:00.000Z',
      result: {
        projectKey: 'PAY',
        generatedAt: '2026-12-01T08:00:00.000Z',
        findings: [],
        counts: {
          byKind: {} as never,
          bySeverity: { critical: 1, high: 2, medium: 0, low: 3 },
        },
        totals: { findings: 6, suppressed: 1 },
        staleSuppressions: [],
        scanned: { stories: 4, threats: 3, mitigations: 2, tasks: 1 },
      },
    },
    coverage: asvsCoverage('asvs-5.0', 3, { threats, mitigations, storiesByThreat, clauseEvidence }),
    names: { '712020:bob': 'Bob <Builder>' },
    problems: [],
    ...extra,
  };
}
