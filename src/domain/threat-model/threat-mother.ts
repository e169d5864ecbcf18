import type { Threat } from './threat';

// The object mother of a threat, for the tests of every capability: an active manual threat,
// with what the test says.

const stamp = { accountId: '712020:alice', at: '2026-11-01T10:00:00.000Z' };

export function aThreat(id: string, extra: Partial<Threat> = {}): Threat {
  return {
    id,
    title: `Threat ${id}`,
    description: '',
    stride: ['S'],
    probability: 3,
    impact: 4,
    component: '',
    source: { kind: 'manual' },
    state: 'active',
    created: stamp,
    updated: stamp,
    revision: 1,
    ...extra,
  };
}
