import { type Rule } from '../knowledge-base';
import { type ElementKind, elementWords, wordsOfName, wordsRule } from './element-words';
import { type TmtElement } from './tmt-template';
import { ownEntry } from './own-entry';

/**
 * What a TMT generation filter says about the elements a threat concerns, in story words. The
 * filter ("source is 'GE.P' and target is 'SE.DS.TMCore.SQL' and flow crosses 'GE.TB.L'") is
 * about diagram elements and their properties, which stories do not have; the import keeps the
 * filter as text and turns the element types it names into an `appliesWhen` words rule.
 */

const ROLE_IS = /\b(source|target|flow)\s+is\s+'([^']+)'/g;
const GENERIC_KINDS: Record<string, ElementKind> = {
  'GE.P': 'process',
  'GE.DS': 'data-store',
  'GE.EI': 'external-entity',
  'GE.DF': 'data-flow',
};
// Trust boundaries and annotations are not things a story touches.
const NOT_A_THING = /^(GE\.TB\.|GE\.A$)/;

export type TmtElements = Map<string, TmtElement>;

export const elementIndex = (elements: readonly TmtElement[]): TmtElements => new Map(elements.map((e) => [e.ID, e]));

const namedIds = (include: string): Array<{ role: string; id: string }> =>
  [...include.matchAll(ROLE_IS)].map((m) => ({ role: m[1] ?? '', id: m[2] ?? '' }));

function wordsOfElement(id: string, elements: TmtElements): readonly string[] {
  const generic = ownEntry(GENERIC_KINDS, id);
  if (generic) return elementWords(generic);
  const element = elements.get(id);
  if (!element || NOT_A_THING.test(element.ParentElement) || NOT_A_THING.test(id)) return [];
  return wordsOfName(element.Name);
}

/**
 * Always for the filters of the generic "(v3)" threats ("source is 'ROOT'"); otherwise the words
 * of the elements the filter names. A filter about data flows only ("flow crosses 'GE.TB.L'",
 * "flow.authenticatesSource is 'Yes'") gets the words of data flows; one naming nothing, always.
 */
export function tmtAppliesWhen(include: string, elements: TmtElements): Rule {
  const named = namedIds(include);
  if (named.some((n) => n.id === 'ROOT')) return { always: true };
  const words = named.flatMap((n) => wordsOfElement(n.id, elements));
  if (words.length === 0 && /\bflow(?:\.|\s+crosses\b)/.test(include)) return wordsRule(elementWords('data-flow'));
  return wordsRule(words);
}

const PLACEHOLDER_ROLE = /\{(source|target|flow)\.Name\}/;

/**
 * The element a threat is about: the role its title names ("Spoofing the {source.Name} External
 * Entity" is about the source), else the target, else whatever the filter names first.
 */
export function tmtComponent(include: string, title: string, elements: TmtElements): string {
  const named = namedIds(include).filter((n) => n.id !== 'ROOT');
  const role = PLACEHOLDER_ROLE.exec(title)?.[1] ?? 'target';
  const first = named.find((n) => n.role === role) ?? named.find((n) => n.role === 'target') ?? named[0];
  if (!first) return '';
  return (elements.get(first.id)?.Name ?? first.id).replace(/^Generic\s+/i, '');
}
