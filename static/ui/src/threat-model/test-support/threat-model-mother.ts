import {
  indexEntry,
  type MitigationRow,
  type MitigationView,
  type RiskPolicyView,
  type StrideQuestionView,
  type TaskSummary,
  type ThreatModelView,
  type ThreatRow,
  type ThreatsAnswer,
} from '../../../../../src/contract';
import { DEFAULT_RISK_SETTINGS } from '../../../../../src/domain/threat-model/risk-settings';
import { severityOf } from '../../../../../src/domain/threat-model/severity';
import type { ThreatDraft } from '../../../../../src/domain/threat-model/threat';

const STAMP = { accountId: 'alice', at: '2025-03-01T10:00:00.000Z' };

/** A threat's full row; its question count follows its question keys unless told otherwise. */
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
    mitigationCount: 0,
    ...overrides,
    questionCount: overrides.questionCount ?? overrides.questionKeys?.length ?? 0,
  } satisfies Omit<ThreatRow, 'severity'>;
  return { ...threat, severity: severityOf(threat) };
}

/**
 * A threat model as a test states it: every threat's full row and every mitigation. What the
 * backend answers for it, the index and pages of full rows, is worked out from it (asIndexView,
 * threatsPage; given-threat-model serves both).
 */
export interface ThreatModelFixture extends Omit<ThreatModelView, 'index'> {
  threats: ThreatRow[];
  mitigations: MitigationRow[];
  questions: Record<string, StrideQuestionView>;
}

/** The stories JQL of the fixtures' threats: `threat = "T-1"`. */
export const FIXTURE_STORIES_JQL: [string, string] = ['threat = "', '"'];

export function aThreatModel(overrides: Partial<ThreatModelFixture> = {}): ThreatModelFixture {
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
    seen: { revision: 1, readAt: 0, auditAt: null, issues: 6, libraryStamp: null },
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
    mitigationCount: _mitigations,
    questionCount: _questions,
    updateFrom: _from,
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

/** The mitigations addressing a threat, rejected ones last, as the backend lists them. */
const addressing = (model: ThreatModelFixture, threatId: string) =>
  model.mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId));

/** What `threat-model/get` answers for the model: its threats as index entries. */
export function asIndexView({ threats, mitigations: _m, questions: _q, ...view }: ThreatModelFixture): ThreatModelView {
  const model = { threats, mitigations: _m, questions: _q, ...view };
  return {
    ...view,
    index: {
      entries: threats.map((t) =>
        indexEntry({
          ...t,
          mitigationCount: addressing(model, t.id).length,
          questionCount: t.questionKeys.length,
          ...(t.kbUpdate ? { updateFrom: t.kbUpdate.fromVersion } : {}),
        }),
      ),
      storiesJql: FIXTURE_STORIES_JQL,
    },
  };
}

/** What `threat-model/threats` answers for the model and the asked ids. */
export function threatsPage(model: ThreatModelFixture, ids: readonly string[]): ThreatsAnswer {
  const threats = model.threats
    .filter((t) => ids.includes(t.id))
    .map((t) => ({
      ...t,
      mitigationCount: addressing(model, t.id).length,
      questionCount: t.questionKeys.length,
      ...(t.kbUpdate ? { updateFrom: t.kbUpdate.fromVersion } : {}),
    }));
  const mitigations = model.mitigations.filter((m) => m.addresses.some((a) => ids.includes(a.threatId)));
  const keys = new Set(threats.flatMap((t) => t.questionKeys));
  const questions = Object.fromEntries(Object.entries(model.questions).filter(([key]) => keys.has(key)));
  return { threats, mitigations, questions };
}
