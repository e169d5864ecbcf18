import type { Mitigation, MitigationStatus, Strength } from '../mitigation/mitigation';
import {
  DEFAULT_RISK_RULES,
  isFullyMitigated,
  mitigationsByThreat,
  plannedRisk,
  projectRisk,
  remainingShare,
  residualRisk,
  riskRemovedBy,
} from './residual-risk';
import { DEFAULT_STATUS_MAPPING, statusFromTask } from '../mitigation/task-status';
import type { Threat } from './threat';
import { aThreat } from './threat-mother';

const stamp = { accountId: 'a', at: '2026-01-01T00:00:00.000Z' };
const threat = (id: string, probability: number, impact: number, state: Threat['state'] = 'active'): Threat =>
  aThreat(id, { title: id, stride: ['I'], probability, impact, state });
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

const RULES = DEFAULT_RISK_RULES;
const detective = (status: MitigationStatus, ...addresses: Array<[string, Strength]>): Mitigation => ({
  ...mitigation(status, ...addresses),
  controlType: 'detective',
});

describe('residual risk', () => {
  const card = threat('T-1', 4, 5);

  it('is the severity when nothing is in place', () => {
    expect(residualRisk(card, [], RULES)).toBe(20);
    expect(residualRisk(card, [mitigation('proposed', ['T-1', 75]), mitigation('rejected', ['T-1', 100])], RULES)).toBe(
      20,
    );
  });

  it('combines independent controls multiplicatively: two 50% controls leave 25%', () => {
    const two = [mitigation('implemented', ['T-1', 50]), mitigation('existing', ['T-1', 50])];
    expect(remainingShare('T-1', two, RULES)).toBe(0.25);
    expect(residualRisk(card, two, RULES)).toBe(5);
    expect(isFullyMitigated(card, two, RULES)).toBe(false);
  });

  it('leaves nothing after one complete (100%) control, whatever else is there', () => {
    const complete = [mitigation('implemented', ['T-1', 100]), mitigation('existing', ['T-1', 25])];
    expect(residualRisk(card, complete, RULES)).toBe(0);
    expect(isFullyMitigated(card, complete, RULES)).toBe(true);
    expect(isFullyMitigated(card, [mitigation('implemented', ['T-1', 75])], RULES)).toBe(false);
  });

  it('does not depend on the order of the mitigations', () => {
    const list = [
      mitigation('implemented', ['T-1', 25]),
      mitigation('existing', ['T-1', 75]),
      mitigation('implemented', ['T-1', 50]),
    ];
    const orders = [list, [...list].reverse(), [list[1]!, list[0]!, list[2]!]];
    // 20 x 0.75 x 0.25 x 0.5
    for (const order of orders) expect(residualRisk(card, order, RULES)).toBe(1.875);
  });

  it('never reaches zero with strengths that add up to more than 100 but none complete', () => {
    const many = [mitigation('implemented', ['T-1', 75]), mitigation('existing', ['T-1', 75])];
    expect(residualRisk(card, many, RULES)).toBe(1.25);
    expect(isFullyMitigated(card, many, RULES)).toBe(false);
  });

  it('counts only the strength for that threat', () => {
    expect(residualRisk(card, [mitigation('implemented', ['T-2', 100], ['T-1', 25])], RULES)).toBe(15);
  });

  it('leaves detective controls out unless the project counts them', () => {
    const alert = [detective('implemented', ['T-1', 25])];
    expect(residualRisk(card, alert, RULES)).toBe(20);
    expect(projectRisk([card], alert, RULES).now).toBe(20);
    expect(residualRisk(card, alert, { countDetective: true })).toBe(15);
    expect(residualRisk(card, [detective('implemented', ['T-1', 100])], RULES)).toBe(20);
  });

  it('plans with planned and in-progress mitigations too', () => {
    const list = [
      mitigation('implemented', ['T-1', 50]),
      mitigation('planned', ['T-1', 50]),
      mitigation('in-progress', ['T-1', 50]),
      mitigation('accepted', ['T-1', 100]),
    ];
    expect(residualRisk(card, list, RULES)).toBe(10);
    expect(plannedRisk(card, list, RULES)).toBe(2.5);
  });

  it('says how much risk a mitigation takes away given what is in place', () => {
    const inPlace = mitigation('implemented', ['T-1', 50]);
    const next = mitigation('accepted', ['T-1', 50], ['T-2', 100]);
    const other = threat('T-2', 2, 3);
    const byThreat = mitigationsByThreat([inPlace, next]);
    // T-1: 10 -> 5; T-2: 6 -> 0
    expect(riskRemovedBy(next, [card, other], byThreat, RULES)).toBe(11);
    expect(riskRemovedBy(detective('accepted', ['T-1', 50]), [card], byThreat, RULES)).toBe(0);
  });

  it('sums active threats only into the project risk', () => {
    const threats = [card, threat('T-2', 2, 3), threat('T-3', 5, 5, 'retired')];
    const list = [mitigation('implemented', ['T-1', 75]), mitigation('planned', ['T-2', 50])];
    expect(projectRisk(threats, list, RULES)).toEqual({ now: 11, planned: 8, inherent: 26 });
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
