import type { Strength } from '../mitigation/mitigation';
import type { MitigationView } from '../mitigation/mitigation-view';
import { DEFAULT_RISK_SETTINGS } from '../threat-model/risk-settings';
import type { Threat } from '../threat-model/threat';
import { aThreat as aThreatOf } from '../threat-model/threat-mother';
import type { SprintPlanInput, TaskSprint } from './sprint-plan';
import type { SprintStory } from './sprint-view';

// Object mothers for the sprint plan's tests: threats, mitigations with a task somewhere, stories.

const stamp = { accountId: '712020:alice', at: '2026-11-01T00:00:00.000Z' };

export const aThreat = (id: string, probability: number, impact: number, state: Threat['state'] = 'active'): Threat =>
  aThreatOf(id, { stride: ['I'], probability, impact, state });

export function aMitigation(
  id: string,
  addresses: Array<[string, Strength]>,
  {
    status = 'accepted',
    task,
    controlType = 'preventive',
  }: Partial<Pick<MitigationView, 'status' | 'controlType'>> & {
    task?: string;
  } = {},
): MitigationView {
  return {
    id,
    title: `Mitigation ${id}`,
    implementation: '',
    verification: '',
    controlType,
    addresses: addresses.map(([threatId, strength]) => ({ threatId, strength })),
    status,
    storedStatus: status,
    rejectionReason: '',
    task: task ? { id: task, key: `PAY-${task}`, statusName: 'To Do', categoryKey: 'new' } : null,
    created: stamp,
    updated: stamp,
    revision: 1,
  };
}

export const aStory = (key: string, threatIds: string[], over: Partial<SprintStory> = {}): SprintStory => ({
  issueId: `id-${key}`,
  issueKey: key,
  summary: `Story ${key}`,
  statusName: 'To Do',
  clauses: threatIds.length > 0 ? [{ id: `c-${key}`, text: `clause of ${key}`, threatIds }] : [],
  directThreatIds: [],
  counted: true,
  ...over,
});

export const SPRINT = 7;

/** A plan's input: tasks named in `inSprint` are in this sprint, other tasks in the backlog. */
export function aPlanInput(
  stories: SprintStory[],
  threats: Threat[],
  mitigations: MitigationView[],
  inSprint: string[] = [],
): SprintPlanInput {
  const taskSprints = new Map<string, TaskSprint>(inSprint.map((task) => [task, { sprintId: SPRINT }]));
  return { sprintId: SPRINT, stories, threats, mitigations, taskSprints, risk: DEFAULT_RISK_SETTINGS };
}
