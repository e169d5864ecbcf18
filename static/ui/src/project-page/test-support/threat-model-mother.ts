import type { ThreatModelView, ThreatRow } from '../../../../../src/domain/resolver-contract';
import { severityOf } from '../../../../../src/domain/severity';
import type { ThreatDraft } from '../../../../../src/domain/threat';

const STAMP = { accountId: 'alice', at: '2025-03-01T10:00:00.000Z' };

export function aThreatRow(overrides: Partial<Omit<ThreatRow, 'severity'>> = {}): ThreatRow {
  const threat = {
    id: 'T-1',
    title: 'Card data read from application logs',
    description: 'Payment requests are logged in full, card number included.',
    stride: ['I'],
    probability: 3,
    impact: 4,
    component: 'Checkout',
    source: { kind: 'manual' },
    state: 'active',
    created: STAMP,
    updated: STAMP,
    revision: 1,
    risk: { residual: 12, planned: 12, fullyMitigated: false },
    storyCount: 0,
    storiesJql: '',
    ...overrides,
  } satisfies Omit<ThreatRow, 'severity'>;
  return { ...threat, severity: severityOf(threat) };
}

export function aThreatModel(overrides: Partial<ThreatModelView> = {}): ThreatModelView {
  return {
    projectKey: 'PAY',
    threats: [],
    mitigations: [],
    risk: { now: 0, planned: 0, inherent: 0 },
    history: [],
    canEdit: true,
    canCreateTasks: true,
    problems: [],
    ...overrides,
  };
}

/** What the backend answers after a create or update: the threat, revision and severity worked out. */
export function savedThreat(id: string, draft: ThreatDraft, revision: number) {
  const { storyCount: _storyCount, storiesJql: _storiesJql, risk: _risk, ...view } = aThreatRow({ id, ...draft, revision });
  return view;
}
