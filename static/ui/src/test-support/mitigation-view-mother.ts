import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { MitigationView, TaskSummary, TaskView, ThreatRisk } from '../../../../src/contract';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';

const STAMP = { accountId: '712020:alice', at: '2025-01-01T00:00:00.000Z' };

type Overrides = Partial<Omit<MitigationView, 'id'>>;

/** A mitigation as the views carry it; `storedStatus` follows `status` unless given. */
export function aMitigationView(id: string, overrides: Overrides = {}): MitigationView {
  const status = overrides.status ?? 'proposed';
  return {
    id,
    title: `Mitigation ${id}`,
    implementation: '',
    verification: '',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-1', strength: 50 }],
    status,
    rejectionReason: '',
    task: null,
    created: STAMP,
    updated: STAMP,
    revision: 1,
    storedStatus: overrides.storedStatus ?? status,
    ...overrides,
  };
}

export function aTask(key: string, overrides: Partial<TaskSummary> = {}): TaskSummary {
  return { id: `1${key.replace(/\D/g, '')}`, key, statusName: 'To Do', categoryKey: 'new', ...overrides };
}

/** A draft as the form sends it, every default filled in. */
export function aMitigationDraft(overrides: Partial<MitigationDraft> = {}): MitigationDraft {
  return {
    title: 'Mask card numbers in logs',
    implementation: '',
    verification: '',
    controlType: 'preventive',
    addresses: [{ threatId: 'T-1', strength: 50 }],
    status: 'proposed',
    rejectionReason: '',
    ...overrides,
  };
}

export function aTaskView(
  mitigation: MitigationView,
  threats: Array<ThreatView & { risk?: ThreatRisk }>,
  stories: TaskView['stories'] = [],
  issueKey = mitigation.task?.key ?? 'SHOP-9',
): TaskView {
  return {
    issueKey,
    mitigation,
    threats: threats.map((threat) => ({
      ...threat,
      risk: threat.risk ?? { residual: threat.severity.score, planned: threat.severity.score, fullyMitigated: false },
    })),
    stories,
  };
}
