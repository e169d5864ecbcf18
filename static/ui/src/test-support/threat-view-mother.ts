import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { threatView, type ThreatView } from '../../../../src/domain/threat-model/threat-view';

const STAMP = { accountId: '712020:alice', at: '2025-01-01T00:00:00.000Z' };

export function aThreatView(
  id: string,
  overrides: Partial<ThreatDraft> & { state?: 'active' | 'retired' } = {},
): ThreatView {
  const { state = 'active', ...draft } = overrides;
  return threatView({
    id,
    title: `Threat ${id}`,
    description: '',
    stride: ['I'],
    probability: 3,
    impact: 4,
    component: '',
    source: { kind: 'manual' },
    state,
    created: STAMP,
    updated: STAMP,
    revision: 1,
    ...draft,
  });
}
