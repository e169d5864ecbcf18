import type {
  MitigationView,
  RiskPolicyView,
  TaskSummary,
  ThreatModelView,
  ThreatRow,
} from '../../../../../src/contract';
import { DEFAULT_RISK_SETTINGS } from '../../../../../src/domain/threat-model/risk-settings';
import { severityOf } from '../../../../../src/domain/threat-model/severity';
import type { ThreatDraft } from '../../../../../src/domain/threat-model/threat';

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
    acceptanceState: 'none',
    storyCount: 0,
    storiesJql: '',
    questionKeys: [],
    answeredQuestions: 0,
    ...overrides,
  } satisfies Omit<ThreatRow, 'severity'>;
  return { ...threat, severity: severityOf(threat) };
}

export function aThreatModel(overrides: Partial<ThreatModelView> = {}): ThreatModelView {
  return {
    projectKey: 'PAY',
    threats: [],
    questions: {},
    mitigations: [],
    risk: { now: 0, planned: 0, inherent: 0 },
    riskPolicy: aRiskPolicy(),
    history: [],
    canEdit: true,
    canCreateTasks: true,
    problems: [],
    seen: { revision: 1, readAt: 0, auditAt: null },
    ...overrides,
  };
}

/** The standard tier's policy, seen by someone who may accept risk, on 2025-03-10. */
export function aRiskPolicy(overrides: Partial<RiskPolicyView> = {}): RiskPolicyView {
  return {
    settings: DEFAULT_RISK_SETTINGS,
    tolerance: 80,
    tierLabel: 'Standard exposure',
    aboveTolerance: false,
    canAccept: true,
    today: '2025-03-10',
    latestUntil: '2026-03-10',
    ...overrides,
  };
}

/** What the backend answers after a create or update: the threat, revision and severity worked out. */
export function savedThreat(id: string, draft: ThreatDraft, revision: number) {
  const {
    storyCount: _storyCount,
    storiesJql: _storiesJql,
    risk: _risk,
    acceptanceState: _acceptance,
    questionKeys: _keys,
    answeredQuestions: _answered,
    kbUpdate: _update,
    ...view
  } = aThreatRow({ id, ...draft, revision });
  return view;
}

export function aTask(key: string, statusName = 'To Do', categoryKey: TaskSummary['categoryKey'] = 'new'): TaskSummary {
  return { id: `100${key.replace(/\D/g, '')}`, key, statusName, categoryKey };
}

/** A mitigation as views show it; its stored status is its status unless told otherwise. */
export function aMitigationView(overrides: Partial<MitigationView> = {}): MitigationView {
  return {
    id: 'M-1',
    title: 'Mask card numbers before logging',
    implementation: 'A log filter replaces card numbers with their last four digits.',
    verification: 'A test logs a payment request and finds no card number.',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-1', strength: 75 }],
    status: 'proposed',
    rejectionReason: '',
    task: null,
    created: STAMP,
    updated: STAMP,
    revision: 1,
    ...overrides,
    storedStatus: overrides.storedStatus ?? overrides.status ?? 'proposed',
  };
}
