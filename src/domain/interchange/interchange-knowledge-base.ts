import type { KnowledgeBase } from '../knowledge-base/knowledge-base';
import { type ImportOptions, finishKnowledgeBase } from '../knowledge-base/importers/build-knowledge-base';
import { wordsOfName, wordsRule } from '../knowledge-base/importers/element-words';
import { contentVersion, slugOf, uniqueIds } from '../knowledge-base/importers/import-text';
import { INTERCHANGE_FORMAT_NAMES, type InterchangeFormat } from './imported-from';
import type { InterchangeModel } from './interchange-model';
import { importOtm } from './otm-import';
import { importThreatComposer } from './threat-composer-import';

/**
 * A threat model file as a knowledge base: each threat a template (a story matches it by the
 * words of its component; a threat with no component, as every Threat Composer threat, applies
 * to every story), each mitigation a template addressing the same threats with the same
 * strengths; the file's ids kept as `source` references. Retired threats are left out.
 */
function knowledgeBaseOf(model: InterchangeModel, text: string, options: ImportOptions): KnowledgeBase {
  const threats = model.threats.filter((t) => t.state === 'active');
  const threatIds = uniqueIds(threats.map((t) => t.externalId));
  const idOf = new Map(threats.map((t, i) => [t.externalId, threatIds[i]!]));
  const mitigations = model.mitigations
    .map((m) => ({ m, addresses: m.addresses.filter((a) => idOf.has(a.externalThreatId)) }))
    .filter(({ addresses }) => addresses.length > 0);
  const mitigationIds = uniqueIds(mitigations.map(({ m }) => m.externalId));
  const formatName = INTERCHANGE_FORMAT_NAMES[model.format];
  return finishKnowledgeBase(
    {
      format: model.format,
      id: slugOf(model.name, model.format),
      name: model.name || `${formatName} model`,
      version: `content-${contentVersion(text)}`,
      description: `Imported from the ${formatName} file "${model.name || options.file}" (${threats.length} threats, ${mitigations.length} mitigations).`,
      threats: threats.map((t, i) => ({
        id: threatIds[i]!,
        title: t.title,
        description: t.description,
        stride: t.stride,
        probability: t.probability,
        impact: t.impact,
        component: t.component,
        appliesWhen: wordsRule(wordsOfName(t.component)),
        references: [{ kind: 'source' as const, value: t.externalId.slice(0, 4000) }],
      })),
      mitigations: mitigations.map(({ m, addresses }, i) => ({
        id: mitigationIds[i]!,
        title: m.title,
        implementation: m.implementation,
        verification: m.verification,
        controlType: m.controlType,
        addresses: addresses.map((a) => ({ threatId: idOf.get(a.externalThreatId)!, strength: a.strength })),
        references: [{ kind: 'source' as const, value: m.externalId.slice(0, 4000) }],
      })),
    },
    options,
  );
}

const READERS: Record<InterchangeFormat, (text: string, file: string) => InterchangeModel> = {
  otm: importOtm,
  'threat-composer': importThreatComposer,
};

/** `without kb import` and the settings upload of an OTM or Threat Composer file. Throws KbImportError. */
export const importInterchangeLibrary =
  (format: InterchangeFormat) =>
  (text: string, options: ImportOptions): KnowledgeBase =>
    knowledgeBaseOf(READERS[format](text, options.file), text, options);
