import { audit, mitigation, story, threat } from '../../../../../src/domain/audit/audit-fixtures';
import type { AuditView } from '../../../../../src/contract';

/** An audit view with no run yet, or with `result` computed by the real audit engine. */
export function anAuditView(over: Partial<AuditView> = {}): AuditView {
  return {
    projectKey: 'PAY',
    run: { state: 'idle', startedAt: null, updatedAt: null, progress: null, error: null },
    completedAt: null,
    result: null,
    resultUnreadable: false,
    threats: [{ id: 'T-1', title: 'Card data stolen', severity: { score: 20, band: 'Critical' } }],
    canRun: true,
    canSuppress: true,
    canEditThreatModel: true,
    canEditStories: true,
    canCreateTasks: true,
    canAcceptRisk: true,
    canTransitionIssues: true,
    problems: [],
    ...over,
  };
}

/** A project with a critical threat without mitigation and a clause without threat (PAY-4). */
export const auditedView = (over: Partial<AuditView> = {}): AuditView =>
  anAuditView({
    run: {
      state: 'done',
      startedAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:05.000Z',
      progress: { stage: 'tasks', stories: 2, tasks: 0 },
      error: null,
    },
    completedAt: '2026-11-23T09:00:05.000Z',
    result: audit({
      threats: [
        threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 }),
        threat('T-2', { title: 'Session hijacked', probability: 1, impact: 3 }),
      ],
      mitigations: [mitigation('M-1', [['T-2', 100]], { status: 'existing' })],
      stories: [
        story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1', 'T-2'] }] }),
        story('PAY-4', { clauses: [{ id: 'c9', threatIds: [] }] }),
      ],
    }),
    ...over,
  });
