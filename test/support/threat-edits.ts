import type { Threat } from '../../src/domain/threat-model/threat';
import type { ThreatEditRequest } from '../../src/domain/threat-model/threat-edit';
import type { ThreatModel } from '../../src/domain/threat-model/threat-model';

/** The edit a person makes who renames a threat of `model`, starting from its stored revision. */
export function renameEdit(model: ThreatModel, id: string, title: string): ThreatEditRequest {
  const t: Threat | undefined = model.threats.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id} in the model`);
  const { description, stride, probability, impact, component } = t;
  return {
    kind: 'update-threat',
    id,
    baseRevision: t.revision,
    draft: { title, description, stride, probability, impact, component },
  };
}

/** A threat a person types into the create dialog of the demo project. */
export const cardInTransit = {
  title: 'Card data disclosed in transit',
  description: 'Between browser and PSP.',
  stride: ['I'],
  probability: 4,
  impact: 5,
  component: 'Checkout',
};
