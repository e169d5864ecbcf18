import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { auditProject } from './audit';
import { builtInRules, countedStory, mitigation, project, story, task, threat } from './audit-fixtures';
import type { AuditStory, AuditTask } from './audit-input';

// The size a large project reaches: the audit must stay one pass with look-ups, not a scan
// per pair (10,000 x 1,000 x 3,000 would take minutes). Jest's timeout catches a regression.
describe('auditProject at scale', () => {
  const THREATS = 1000;
  const threats: Threat[] = Array.from({ length: THREATS }, (_, i) =>
    threat(`T-${i + 1}`, { probability: (i % 5) + 1, impact: ((i >> 2) % 5) + 1 }),
  );
  // Three half-strength mitigations per threat, each carried by a done task.
  const mitigations: Mitigation[] = Array.from({ length: 3000 }, (_, i) =>
    mitigation(`M-${i + 1}`, [[`T-${(i % THREATS) + 1}`, 50]], {
      task: { id: `id-PAY-T${i + 1}`, key: `PAY-T${i + 1}` },
    }),
  );
  const tasks: AuditTask[] = mitigations.map((m) =>
    task(
      m.task!.key,
      m.id,
      m.addresses.map((a) => a.threatId),
    ),
  );
  // Stories cover T-1..T-900; every 100th has a clause with no threat, every 1000th links T-950 without a clause.
  const stories: AuditStory[] = Array.from({ length: 10_000 }, (_, i) => {
    const n = i + 1;
    const clauses = [
      { id: 'c1', threatIds: [`T-${(i % 900) + 1}`] },
      ...(n % 100 === 0 ? [{ id: 'c2', threatIds: [] }] : []),
    ];
    return story(`PAY-${n}`, { clauses, directThreatIds: n % 1000 === 0 ? ['T-950'] : [] });
  });

  it('audits 10,000 stories, 1,000 threats and 3,000 tasks', () => {
    const result = auditProject(project({ threats, mitigations, stories, tasks }));
    expect(result.scanned).toEqual({ stories: 10_000, threats: 1000, mitigations: 3000, tasks: 3000 });
    expect(result.counts.byKind['threat-without-story']).toBe(99);
    expect(result.counts.byKind['clause-without-threat']).toBe(100);
    expect(result.counts.byKind['story-threat-uncovered']).toBe(10);
    expect(result.totals.findings).toBe(209);
  });
});

// Stories without clauses are matched against the knowledge base once each: still one pass.
describe('auditProject at scale, with stories that need clauses', () => {
  it('matches 10,000 counted stories, 4,000 of them without clauses, against the built-in knowledge base', () => {
    const stories: AuditStory[] = Array.from({ length: 10_000 }, (_, i) =>
      i % 5 < 2
        ? countedStory(`PAY-${i + 1}`, {
            summary: i % 2 === 0 ? `As a buyer, I want to reset my password ${i}` : `Change the footer colour ${i}`,
            description: 'A story of some length, with words that no rule looks for, repeated. '.repeat(10),
          })
        : countedStory(`PAY-${i + 1}`, { clauses: [{ id: 'c1', threatIds: [] }] }),
    );
    const result = auditProject(project({ stories, storyRules: builtInRules() }));
    expect(result.counts.byKind['story-needs-threat-modeling']).toBe(2000);
    expect(result.coverage).toEqual({ withClauses: 6000, needing: 8000 });
  });
});
