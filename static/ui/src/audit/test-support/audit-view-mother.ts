import { audit, mitigation, story, threat } from '../../../../../src/domain/audit/audit-fixtures';
import type { AuditResult } from '../../../../../src/domain/audit/audit-result';
import { findingsPage, type FindingsQuery } from '../../../../../src/domain/audit/finding-page';
import type { Envelope } from '../../../../../src/domain/common/envelope';
import type { AuditResultPage, AuditView, ResolverKey } from '../../../../../src/contract';
import { fakeBridge } from '../../test-support/fake-bridge';

/** What a test may set of a view: a whole result stands for its first page of every finding, as the backend answers it. */
export type AuditViewOver = Partial<Omit<AuditView, 'result'>> & { result?: AuditResult | AuditResultPage | null };

const asPage = (result: AuditResult | AuditResultPage): AuditResultPage =>
  'page' in result ? result : findingsPage(result);

/** An audit view with no run yet, or with `result` computed by the real audit engine. */
export function anAuditView({ result, ...over }: AuditViewOver = {}): AuditView {
  return {
    result: result ? asPage(result) : null,
    projectKey: 'PAY',
    run: { state: 'idle', startedAt: null, updatedAt: null, progress: null, error: null },
    completedAt: null,
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
export const auditedView = (over: AuditViewOver = {}): AuditView =>
  anAuditView({
    run: {
      state: 'done',
      startedAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T09:00:05.000Z',
      progress: { stage: 'tasks', stories: 2, tasks: 0 },
      error: null,
    },
    completedAt: '2026-11-23T09:00:05.000Z',
    result: auditedResult(),
    ...over,
  });

/** The whole result auditedView shows the first page of. */
export const auditedResult = (): AuditResult =>
  audit({
    threats: [
      threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 }),
      threat('T-2', { title: 'Session hijacked', probability: 1, impact: 3 }),
    ],
    mitigations: [mitigation('M-1', [['T-2', 100]], { status: 'existing' })],
    stories: [
      story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1', 'T-2'] }] }),
      story('PAY-4', { clauses: [{ id: 'c9', threatIds: [] }] }),
    ],
  });

/**
 * A fake backend's answer with `view` on the page of the result the payload asks for (audit/get's
 * query, or an action's `view`), filtered and paged as the backend does it.
 */
export const pagedAnswer =
  (view: AuditView, result: () => AuditResult) =>
  (payload: FindingsQuery | { view?: FindingsQuery | undefined }): Envelope<AuditView> => {
    const query = 'view' in payload ? (payload.view ?? {}) : (payload as FindingsQuery);
    return { ok: true, data: { ...view, result: findingsPage(result(), query) } };
  };

/** What a fix sent, without the page of findings the tab adds to every action (audit-tab.test checks that part). */
export const fixPayloadsOf = (key: ResolverKey): Array<Record<string, unknown>> =>
  fakeBridge.payloadsOf(key).map((payload) => {
    const { view: _view, ...sent } = payload as Record<string, unknown>;
    return sent;
  });
