import { type KnowledgeBase, type Reference } from '../knowledge-base';
import { type StrideCategory } from '../../threat-model/stride';
import {
  type ImportOptions,
  type MitigationDraft,
  type ThreatDraft,
  finishKnowledgeBase,
} from './build-knowledge-base';
import { KbImportError, structureError } from './import-error';
import { clip, collapseSpace, contentVersion, slugOf, titleFrom, uniqueIds } from './import-text';
import { parseXmlText } from './parse-xml-text';
import { strideFromWords } from './stride-from-words';
import { elementIndex, type TmtElements, tmtAppliesWhen, tmtComponent } from './tmt-elements';
import { TMT_LIST_TAGS, TmtKnowledgeBase, type TmtProperty, type TmtThreatType } from './tmt-template';
import { ownEntry } from './own-entry';
import { type RoleNames, readablePlaceholders, roleNamesOf } from './tmt-placeholders';

/** The template's categories are STRIDE by name (Id "S" is named "Spoofing", and so on). */
const CATEGORY_STRIDE: Record<string, StrideCategory> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  'information disclosure': 'I',
  'denial of service': 'D',
  'elevation of privilege': 'E',
};

/**
 * A TMT priority ranks the threat as a whole, so it sets impact and probability alike and the
 * app's severity (probability x impact) keeps its order: High 4/4, Medium 3/3, Low 2/2. Threats
 * without one (the default template sets none) are Medium.
 */
const PRIORITY_LEVEL: Record<string, number> = { high: 4, medium: 3, low: 2 };
const DEFAULT_LEVEL = 3;

const propertyValue = (properties: readonly TmtProperty[], test: (p: TmtProperty) => boolean): string =>
  properties
    .filter(test)
    .flatMap((p) => p.Values.Value)
    .find((v) => v !== '') ?? '';

const isMitigation = (p: TmtProperty) => /mitigation/i.test(p.Name) || /mitigation/i.test(p.Label);
const isPriority = (p: TmtProperty) => /^priority$/i.test(p.Name);
const isDescription = (p: TmtProperty) => p.Name === 'UserThreatDescription';

interface Context {
  categories: Map<string, string>;
  elements: TmtElements;
}

const isStrideLetter = (value: string): value is StrideCategory => /^[STRIDE]$/.test(value);

function strideOf(type: TmtThreatType, context: Context): { stride: StrideCategory[]; note?: string } {
  const name = context.categories.get(type.Category) ?? type.Category;
  const mapped = ownEntry(CATEGORY_STRIDE, name.toLowerCase()) ?? (isStrideLetter(name) ? name : undefined);
  if (mapped) return { stride: [mapped] };
  const note = `TMT category: ${name || '(none)'}`;
  // "Abuse", a legitimate user overstepping the terms of use, is closest to elevation of privilege.
  if (/^abuse$/i.test(name)) return { stride: ['E'], note };
  // A custom category: its name and the title decide; tampering, the commonest TMT category, if nothing does.
  const guessed = strideFromWords(`${name} ${type.ShortTitle}`);
  return { stride: guessed.length > 0 ? guessed : ['T'], note };
}

function referencesOf(type: TmtThreatType, note: string | undefined): Reference[] {
  const { Include, Exclude } = type.GenerationFilters;
  const refs: Reference[] = [{ kind: 'source', value: type.Id }];
  if (Include) refs.push({ kind: 'condition', value: clip(`include: ${collapseSpace(Include)}`, 4000) });
  if (Exclude) refs.push({ kind: 'condition', value: clip(`exclude: ${collapseSpace(Exclude)}`, 4000) });
  if (note) refs.push({ kind: 'note', value: note });
  return refs;
}

function threatOf(type: TmtThreatType, id: string, context: Context): ThreatDraft {
  const { stride, note } = strideOf(type, context);
  const level =
    ownEntry(PRIORITY_LEVEL, propertyValue(type.PropertiesMetaData.ThreatMetaDatum, isPriority).toLowerCase()) ??
    DEFAULT_LEVEL;
  const names = namesOf(type, context);
  const description = readablePlaceholders(
    type.Description || propertyValue(type.PropertiesMetaData.ThreatMetaDatum, isDescription),
    names,
  );
  // The placeholders ("Spoofing the {source.Name} Process") say which role the threat is about
  // (the component); a person reads them resolved ("Spoofing the Source Process").
  const raw = collapseSpace(type.ShortTitle);
  const title = readablePlaceholders(raw, names, { title: true });
  return {
    id,
    title: clip(title.length >= 3 ? title : `TMT threat ${type.Id}`, 200),
    description: clip(description, 4000),
    stride,
    probability: level,
    impact: level,
    top: false,
    component: clip(tmtComponent(type.GenerationFilters.Include, raw, context.elements), 200),
    appliesWhen: tmtAppliesWhen(type.GenerationFilters.Include, context.elements),
    references: referencesOf(type, note),
  };
}

/** The element kinds the threat's generation filter names for its source, target and flow. */
const namesOf = (type: TmtThreatType, context: Context): RoleNames =>
  roleNamesOf(type.GenerationFilters.Include, (id) => context.elements.get(id)?.Name);

/** A template property named like "Mitigation" or "Possible Mitigation(s)" becomes one template; strength average (50), as its weight is not given. */
function mitigationOf(
  type: TmtThreatType,
  threatId: string,
  raw: string,
  id: string,
  context: Context,
): MitigationDraft {
  const names = namesOf(type, context);
  const text = readablePlaceholders(raw, names);
  const title = titleFrom(text);
  return {
    id,
    title:
      title.length >= 3
        ? title
        : clip(`Mitigate ${readablePlaceholders(type.ShortTitle, names, { title: true })}`, 200),
    implementation: clip(text, 4000),
    addresses: [{ threatId, strength: 50 }],
    references: [{ kind: 'source', value: type.Id }],
  };
}

function readTemplate(text: string, file: string): TmtKnowledgeBase {
  const root = parseXmlText(text, file, TMT_LIST_TAGS) as {
    KnowledgeBase?: unknown;
    ThreatModel?: { KnowledgeBase?: unknown };
  };
  // A .tb7 template is a <KnowledgeBase>; a .tm7 model carries one inside <ThreatModel>.
  const kb = root.KnowledgeBase ?? root.ThreatModel?.KnowledgeBase;
  if (kb === undefined)
    throw new KbImportError(
      `${file}: no <KnowledgeBase> element: not a Microsoft Threat Modeling Tool template (.tb7) or model (.tm7)`,
    );
  const result = TmtKnowledgeBase.safeParse(kb, { reportInput: true });
  if (result.success) return result.data;
  throw structureError(file, result.error, (path) => {
    if (path[0] === 'ThreatTypes' && path[1] === 'ThreatType' && typeof path[2] === 'number') {
      const id: unknown = (kb as { ThreatTypes?: { ThreatType?: Array<{ Id?: unknown }> } }).ThreatTypes?.ThreatType?.[
        path[2]
      ]?.Id;
      return {
        label: `threat type ${path[2] + 1}${typeof id === 'string' && id ? ` (Id "${clip(id, 60)}")` : ''}`,
        consumed: 3,
      };
    }
    return { label: `<KnowledgeBase>`, consumed: 0 };
  });
}

/** A Microsoft Threat Modeling Tool template as a knowledge base: one threat per ThreatType. */
export function importTmt(text: string, options: ImportOptions): KnowledgeBase {
  const template = readTemplate(text, options.file);
  const types = template.ThreatTypes.ThreatType;
  const context: Context = {
    categories: new Map(template.ThreatCategories.ThreatCategory.map((c) => [c.Id, c.Name])),
    elements: elementIndex([...template.GenericElements.ElementType, ...template.StandardElements.ElementType]),
  };
  const threatIds = uniqueIds(types.map((t) => t.Id));
  const mitigated = types
    .map((type, i) => ({
      type,
      threatId: threatIds[i] ?? type.Id,
      text: propertyValue(type.PropertiesMetaData.ThreatMetaDatum, isMitigation),
    }))
    .filter((m) => m.text !== '');
  const mitigationIds = uniqueIds(mitigated.map((m) => `M-${m.threatId}`));
  const name = template.Manifest['@_name'] || 'Microsoft Threat Modeling Tool template';
  return finishKnowledgeBase(
    {
      format: 'tmt',
      id: slugOf(name, 'tmt'),
      name,
      version: template.Manifest['@_version'] || `content-${contentVersion(text)}`,
      description: `Imported from the Microsoft Threat Modeling Tool template "${name}" (${types.length} threat types). Generation filters are kept as text.`,
      threats: types.map((type, i) => threatOf(type, threatIds[i] ?? type.Id, context)),
      mitigations: mitigated.map((m, i) =>
        mitigationOf(m.type, m.threatId, m.text, mitigationIds[i] ?? `M-${m.threatId}`, context),
      ),
    },
    options,
  );
}
