import type { MitigationStatus } from '../mitigation/mitigation';
import type { MitigationView } from '../mitigation/mitigation-view';
import type { ClauseEvidence } from './clause-evidence';

export { aThreat } from '../threat-model/threat-mother';

// Object mothers for coverage and report tests: a threat and a mitigation with what matters.

const stamp = { accountId: '712020:alice', at: '2026-11-01T10:00:00.000Z' };

export function aMitigation(
  id: string,
  threatIds: string[],
  status: MitigationStatus,
  extra: Partial<MitigationView> = {},
): MitigationView {
  return {
    id,
    title: `Mitigation ${id}`,
    implementation: '',
    verification: '',
    controlType: 'preventive',
    addresses: threatIds.map((threatId) => ({ threatId, strength: 50 })),
    status,
    storedStatus: status,
    rejectionReason: status === 'rejected' ? 'Not for us' : '',
    task: null,
    created: stamp,
    updated: stamp,
    revision: 1,
    ...extra,
  };
}

export const NO_CLAUSES: ClauseEvidence = { stories: 0, storiesWithClauses: 0, clauses: 0, linkedClauses: 0 };
