import type { Mitigation, MitigationStatus, Strength } from '../mitigation/mitigation';
import { isFullyMitigated, plannedRisk, projectRisk, residualRisk } from './residual-risk';
import { DEFAULT_STATUS_MAPPING, statusFromTask } from '../mitigation/task-status';
import type { Threat } from './threat';

const stamp = { accountId: 'a', at: '2026-01-01T00:00:00.000Z' };
const threat = (id: string, probability: number, impact: number, state: Threat['state'] = 'active'): Threat => ({
  id,
  title: id,
  description: '',
  stride: ['I'],
  probability,
  impact,
  component: '',
  source: { kind: 'manual' },
  state,
  created: stamp,
  updated: stamp,
  revision: 1,
});
let n = 0;
const mitigation = (status: MitigationStatus, ...addresses: Array<[string, Strength]>): Mitigation => ({
  id: `M-${++n}`,
  title: 'm',
  implementation: '',
  verification: '',
  controlType: 'preventive',
  addresses: addresses.map(([threatId, strength]) => ({ threatId, strength })),
  status,
  rejectionReason: '',
  task: null,
  created: stamp,
  updated: stamp,
  revision: 1,
});

describe('residual risk', () => {
  const card = threat('T-1', 4, 5);

  it('is the severity when nothing is in place', () => {
    expect(residualRisk(card, [])).toBe(20);
    expect(residualRisk(card, [mitigation('proposed', ['T-1', 75]), mitigation('rejected', ['T-1', 100])])).toBe(20);
  });

  it('drops with the strength of implemented and existing mitigations', () => {
    expect(residualRisk(card, [mitigation('implemented', ['T-1', 75])])).toBe(5);
    expect(residualRisk(card, [mitigation('existing', ['T-1', 25]), mitigation('implemented', ['T-1', 50])])).toBe(5);
  });

  it('never goes below zero when strengths add up to more than 100', () => {
    const many = [mitigation('implemented', ['T-1', 75]), mitigation('existing', ['T-1', 75])];
    expect(residualRisk(card, many)).toBe(0);
    expect(isFullyMitigated(card, many)).toBe(true);
    expect(isFullyMitigated(card, [mitigation('implemented', ['T-1', 75])])).toBe(false);
  });

  it('counts only the strength for that threat', () => {
    expect(residualRisk(card, [mitigation('implemented', ['T-2', 100], ['T-1', 25])])).toBe(15);
  });

  it('plans with planned and in-progress mitigations too', () => {
    const list = [
      mitigation('implemented', ['T-1', 25]),
      mitigation('planned', ['T-1', 25]),
      mitigation('in-progress', ['T-1', 25]),
      mitigation('accepted', ['T-1', 100]),
    ];
    expect(residualRisk(card, list)).toBe(15);
    expect(plannedRisk(card, list)).toBe(5);
  });

  it('sums active threats only into the project risk', () => {
    const threats = [card, threat('T-2', 2, 3), threat('T-3', 5, 5, 'retired')];
    const list = [mitigation('implemented', ['T-1', 75]), mitigation('planned', ['T-2', 50])];
    expect(projectRisk(threats, list)).toEqual({ now: 11, planned: 8, inherent: 26 });
  });
});

describe('mitigation status from the task', () => {
  it('follows the status category by default', () => {
    expect(statusFromTask({ statusName: 'To Do', categoryKey: 'new' })).toBe('accepted');
    expect(statusFromTask({ statusName: 'In Progress', categoryKey: 'indeterminate' })).toBe('in-progress');
    expect(statusFromTask({ statusName: 'Done', categoryKey: 'done' })).toBe('implemented');
  });

  it('follows a custom workflow mapping, by status name first', () => {
    const mapping = {
      ...DEFAULT_STATUS_MAPPING,
      byStatusName: { 'Ready for pentest': 'in-progress' as const, Selected: 'planned' as const },
    };
    expect(statusFromTask({ statusName: 'selected', categoryKey: 'new' }, mapping)).toBe('planned');
    expect(statusFromTask({ statusName: 'Ready for pentest', categoryKey: 'done' }, mapping)).toBe('in-progress');
    expect(statusFromTask({ statusName: 'Backlog', categoryKey: 'new' }, mapping)).toBe('accepted');
  });
});
