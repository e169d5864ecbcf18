import type { Envelope } from '../../../../../src/domain/common/envelope';
import type { MitigationStatus } from '../../../../../src/domain/mitigation/mitigation';
import type {
  PullInItem,
  SprintChoice,
  SprintMitigation,
  SprintPlanView,
  SprintStory,
  TaskPlace,
  ThreatRisk,
} from '../../../../../src/contract';
import type { ThreatDraft } from '../../../../../src/domain/threat-model/threat';
import type { ThreatView } from '../../../../../src/domain/threat-model/threat-view';
import { afterSprintWith } from '../../../../../src/domain/sprint/after-sprint-preview';
import { aMitigationView, aTask } from '../../test-support/mitigation-view-mother';
import { aThreatView } from '../../test-support/threat-view-mother';

type SprintThreat = ThreatView & { risk: ThreatRisk };

export function aSprintThreat(id: string, draft: Partial<ThreatDraft> = {}, risk?: Partial<ThreatRisk>): SprintThreat {
  const threat = aThreatView(id, draft);
  return {
    ...threat,
    risk: { residual: threat.severity.score, planned: threat.severity.score, fullyMitigated: false, ...risk },
  };
}

export function aSprintStory(key: string, overrides: Partial<SprintStory> = {}): SprintStory {
  return {
    issueId: `1${key.replace(/\D/g, '')}`,
    issueKey: key,
    summary: `Story ${key}`,
    statusName: 'To Do',
    clauses: [],
    directThreatIds: [],
    ...overrides,
  };
}

interface MitigationSpec {
  title?: string;
  addresses: Array<{ threatId: string; strength: 25 | 50 | 75 | 100 }>;
  status?: MitigationStatus;
  taskKey?: string;
  taskStatus?: 'To Do' | 'In Progress' | 'Done';
  place: TaskPlace;
  otherSprintName?: string;
}

const CATEGORY = { 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done' } as const;

export function aSprintMitigation(id: string, spec: MitigationSpec): SprintMitigation {
  const {
    title = `Mitigation ${id}`,
    addresses,
    status = 'accepted',
    taskKey,
    taskStatus = 'To Do',
    place,
    otherSprintName,
  } = spec;
  const task = taskKey ? aTask(taskKey, { statusName: taskStatus, categoryKey: CATEGORY[taskStatus] }) : null;
  return {
    ...aMitigationView(id, { title, addresses, status, task }),
    place,
    ...(otherSprintName ? { otherSprintName } : {}),
  };
}

/**
 * A piece of work to pull in. `afterSprint`: its threats' residual risk after the sprint, by id
 * (for the preview); by default each is what makes ticking it alone lower the risk after the
 * sprint by `riskRemoved`, split evenly over its threats.
 */
export function aPullInItem(
  mitigation: SprintMitigation,
  riskRemoved: number,
  storyKeys: string[],
  afterSprint: Record<string, number> = {},
): PullInItem {
  if (mitigation.place === 'this-sprint' || mitigation.place === 'done')
    throw new Error(`${mitigation.id} is not work to pull in`);
  const share = riskRemoved / mitigation.addresses.length;
  return {
    mitigationId: mitigation.id,
    title: mitigation.title,
    place: mitigation.place,
    ...(mitigation.otherSprintName ? { otherSprintName: mitigation.otherSprintName } : {}),
    task: mitigation.task,
    riskRemoved,
    threatIds: mitigation.addresses.map((a) => a.threatId),
    storyKeys,
    storyCount: storyKeys.length,
    effects: mitigation.addresses.map(({ threatId, strength }) => ({
      threatId,
      afterSprint: afterSprint[threatId] ?? share / (strength / 100),
      leaves: 1 - strength / 100,
    })),
  };
}

export const SPRINT_4 = {
  id: 4,
  name: 'Sprint 4',
  state: 'active',
  goal: 'Checkout with saved cards',
  boardId: 1,
} as const;

/**
 * Sprint 4 of PAY: PAY-1 (card data, T-1 and T-2) and PAY-2 (saved card, T-3; a clause with no
 * threat; a direct link to a threat the model lacks). To pull in, in the backend's order:
 * M-2 (backlog, removes 16), M-3 (no task, removes 15), M-4 (in Sprint 5, removes 3).
 */
export function aSprintPlan(overrides: Partial<SprintPlanView> = {}): SprintPlanView {
  const plan = sprint4Plan(overrides);
  // Counts follow the lists unless a test says otherwise.
  return {
    ...plan,
    storyCount: overrides.storyCount ?? plan.stories.length,
    pullInCount: overrides.pullInCount ?? plan.pullIn.length,
  };
}

function sprint4Plan(overrides: Partial<SprintPlanView>): SprintPlanView {
  const t1 = aSprintThreat(
    'T-1',
    { title: 'Card data read from logs', probability: 3, impact: 4 },
    { residual: 9, planned: 3 },
  );
  const t2 = aSprintThreat('T-2', { title: 'Forged payment callback', probability: 4, impact: 5 });
  const t3 = aSprintThreat(
    'T-3',
    { title: 'Saved card used by someone else', probability: 2, impact: 3 },
    { residual: 6, planned: 4.5 },
  );
  const m1 = aSprintMitigation('M-1', {
    title: 'Mask card numbers in logs',
    addresses: [{ threatId: 'T-1', strength: 75 }],
    taskKey: 'PAY-11',
    place: 'this-sprint',
  });
  const m2 = aSprintMitigation('M-2', {
    title: 'Sign payment callbacks',
    addresses: [
      { threatId: 'T-1', strength: 50 },
      { threatId: 'T-2', strength: 50 },
    ],
    taskKey: 'PAY-12',
    place: 'backlog',
  });
  const m3 = aSprintMitigation('M-3', {
    title: 'Verify callback origin',
    addresses: [{ threatId: 'T-2', strength: 75 }],
    status: 'proposed',
    place: 'not-created',
  });
  const m4 = aSprintMitigation('M-4', {
    title: 'Ask for the CVC on saved cards',
    addresses: [{ threatId: 'T-3', strength: 50 }],
    taskKey: 'PAY-14',
    place: 'other-sprint',
    otherSprintName: 'Sprint 5',
  });
  const m5 = aSprintMitigation('M-5', {
    title: 'Session timeout',
    addresses: [{ threatId: 'T-3', strength: 25 }],
    status: 'existing',
    place: 'done',
  });
  const m6 = aSprintMitigation('M-6', {
    title: 'Log retention of 7 days',
    addresses: [{ threatId: 'T-1', strength: 25 }],
    status: 'implemented',
    taskKey: 'PAY-16',
    taskStatus: 'Done',
    place: 'done',
  });
  return {
    sprint: SPRINT_4,
    projectKey: 'PAY',
    stories: [
      aSprintStory('PAY-1', {
        summary: 'Pay with a credit card',
        statusName: 'In Progress',
        clauses: [{ id: 'c1', text: 'having my card data stolen', threatIds: ['T-1', 'T-2'] }],
      }),
      aSprintStory('PAY-2', {
        summary: 'Save a card for later',
        clauses: [
          { id: 'c2', text: 'someone else paying with my saved card', threatIds: ['T-3'] },
          { id: 'c3', text: 'being tracked across shops', threatIds: [] },
        ],
        directThreatIds: ['T-9'],
      }),
    ],
    threats: { 'T-1': t1, 'T-2': t2, 'T-3': t3 },
    mitigations: [m1, m2, m3, m4, m5, m6],
    // After the sprint T-1 is 12, T-2 20, T-3 6: M-2 leaves half of T-1 and T-2 (removes 16), M-3 a
    // quarter of T-2 (15), M-4 half of T-3 (3). M-2 and M-3 together leave T-2 20 x 0.5 x 0.25.
    pullIn: [
      aPullInItem(m2, 16, ['PAY-1'], { 'T-1': 12, 'T-2': 20 }),
      aPullInItem(m3, 15, ['PAY-1'], { 'T-2': 20 }),
      aPullInItem(m4, 3, ['PAY-2'], { 'T-3': 6 }),
    ],
    pullInCount: 3,
    storyOffset: 0,
    storyCount: 2,
    warnings: [
      {
        kind: 'clause-without-threat',
        storyKey: 'PAY-2',
        clauseId: 'c3',
        message: 'The WITHOUT clause “being tracked across shops” of PAY-2 points at no threat.',
      },
    ],
    risk: { now: 35, afterSprint: 32 },
    canSchedule: true,
    canCreateTasks: true,
    canEditStories: true,
    problems: [],
    ...overrides,
  };
}

/** What the backend answers after `sprint/add-tasks`: the work in the sprint, new tasks created, the risk after it lower. */
export function afterAdding(plan: SprintPlanView, mitigationIds: string[]): SprintPlanView {
  const ids = new Set(mitigationIds);
  const pulled = plan.pullIn.filter((item) => ids.has(item.mitigationId));
  return {
    ...plan,
    mitigations: plan.mitigations.map((m): SprintMitigation => {
      if (!ids.has(m.id)) return m;
      const { otherSprintName: _gone, ...rest } = m;
      const task = m.task ?? aTask(`PAY-${20 + Number(m.id.replace(/\D/g, ''))}`);
      return { ...rest, task, status: m.status === 'proposed' ? 'accepted' : m.status, place: 'this-sprint' };
    }),
    pullIn: plan.pullIn.filter((item) => !ids.has(item.mitigationId)),
    pullInCount: plan.pullInCount - pulled.length,
    risk: { ...plan.risk, afterSprint: afterSprintWith(plan.risk.afterSprint, pulled) },
  };
}

export const okPlan = (plan: SprintPlanView): Envelope<SprintPlanView> => ({ ok: true, data: plan });

export function aSprintChoice(id: number, overrides: Partial<SprintChoice> = {}): SprintChoice {
  return { id, name: `Sprint ${id}`, state: 'future', boardName: 'PAY board', ...overrides };
}
