import { type KnowledgeBase, type Reference } from '../knowledge-base';
import { type StrideCategory } from '../../threat-model/stride';
import { type ElementKind, elementWords, wordsRule } from './element-words';
import {
  type ImportOptions,
  type MitigationDraft,
  type ThreatDraft,
  finishKnowledgeBase,
} from './build-knowledge-base';
import { isReservedName, reservedNameReason } from '../input-limits';
import { KbImportError, structureError } from './import-error';
import { clip, contentVersion, titleFrom, uniqueIds } from './import-text';
import { MAX_REFERENCES, referencesInText, uniqueReferences } from './library-references';
import { jsonErrorAt, parseJsonText } from './parse-json-text';
import { type PytmEntry, PytmLibrary } from './pytm-entry';
import { inStrideOrder, strideFromWords } from './stride-from-words';
import { ownEntry } from './own-entry';

/**
 * pytm has no STRIDE field. Its SID prefixes name a family: INP input handling (tampering),
 * AC access control and API exposed test APIs (elevation of privilege), AA authentication
 * (spoofing), CR cryptography and sessions, DS data security, DR data retention, HA hardening
 * (information disclosure), DO denial of service, SC client-side scripting and LB API
 * manipulation (tampering). DE and LLM mix categories, so only the title decides there.
 * The title's words add further categories (INP "Command Injection" is T and E). A threat with
 * neither is filed under tampering, the family most pytm threats belong to.
 */
const PREFIX_STRIDE: Record<string, StrideCategory[]> = {
  INP: ['T'],
  AC: ['E'],
  API: ['E'],
  AA: ['S'],
  CR: ['I'],
  DS: ['I'],
  DR: ['I'],
  HA: ['I'],
  DO: ['D'],
  SC: ['T'],
  LB: ['T'],
};

export function pytmStride(entry: Pick<PytmEntry, 'SID' | 'description'>): StrideCategory[] {
  const prefix = /^[A-Za-z]+/.exec(entry.SID)?.[0].toUpperCase() ?? '';
  const found = inStrideOrder([...(ownEntry(PREFIX_STRIDE, prefix) ?? []), ...strideFromWords(entry.description)]);
  return found.length > 0 ? found : ['T'];
}

const TARGET_KINDS: Record<string, ElementKind> = {
  process: 'process',
  server: 'server',
  lambda: 'lambda',
  dataflow: 'data-flow',
  datastore: 'data-store',
  externalentity: 'external-entity',
  llm: 'llm',
  agent: 'agent',
};

/** A story matches when it uses words of the element kinds the threat targets (see element-words). */
const wordsOfTarget = (target: string): readonly string[] => {
  const kind = ownEntry(TARGET_KINDS, target.toLowerCase());
  return kind ? elementWords(kind) : [target];
};
const appliesWhen = (targets: string[]) => wordsRule(targets.flatMap(wordsOfTarget));

function descriptionOf(entry: PytmEntry): string {
  const parts = [
    entry.details,
    entry.prerequisites && `Prerequisites: ${entry.prerequisites}`,
    entry.example && `Example: ${entry.example}`,
  ];
  return clip(parts.filter((p) => p.trim() !== '').join('\n\n'), 4000);
}

function referencesOf(entry: PytmEntry): Reference[] {
  const own: Reference[] = [{ kind: 'source', value: entry.SID }];
  if (entry.condition.trim()) own.push({ kind: 'condition', value: clip(entry.condition.trim(), 4000) });
  if (entry.DEPRECATED) own.push({ kind: 'note', value: clip(`Deprecated in pytm: ${entry.DEPRECATED}`, 4000) });
  return uniqueReferences([...own, ...referencesInText(entry.references)]).slice(0, MAX_REFERENCES);
}

function threatOf(entry: PytmEntry, id: string): ThreatDraft {
  return {
    id,
    title: clip(entry.description.length >= 3 ? entry.description : `pytm ${entry.SID}`, 200),
    description: descriptionOf(entry),
    stride: pytmStride(entry),
    probability: entry['Likelihood Of Attack'],
    impact: entry.severity,
    top: false,
    component: clip(entry.target.join(', '), 200),
    appliesWhen: appliesWhen(entry.target),
    references: referencesOf(entry),
  };
}

/**
 * pytm gives one paragraph of mitigations per threat; it becomes one template. Its strength is
 * "average" (50): the paragraph lists several measures of unknown weight, and a team adjusts it
 * once it picks which it builds.
 */
function mitigationOf(entry: PytmEntry, threatId: string, id: string): MitigationDraft {
  const title = titleFrom(entry.mitigations);
  return {
    id,
    title: title.length >= 3 ? title : clip(`Mitigate ${entry.description}`, 200),
    implementation: clip(entry.mitigations.trim(), 4000),
    addresses: [{ threatId, strength: 50 }],
    references: [{ kind: 'source', value: entry.SID }],
  };
}

const kindOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

const entryLabel = (raw: readonly unknown[], index: number): string => {
  const sid: unknown = (raw[index] as { SID?: unknown } | null | undefined)?.SID;
  return `entry ${index + 1}${typeof sid === 'string' ? ` (SID "${clip(sid, 60)}")` : ''}`;
};

/**
 * A SID becomes a threat's id and a target is looked up by name, so neither may be the name of
 * a prototype: refused where it stands in the file.
 */
function refuseReservedNames(entries: readonly PytmEntry[], raw: readonly unknown[], text: string, file: string): void {
  entries.forEach((entry, i) => {
    const label = entryLabel(raw, i);
    if (isReservedName(entry.SID))
      throw jsonErrorAt(text, file, [i, 'SID'], `${label}: ${reservedNameReason(`the SID "${entry.SID}"`)}`);
    const t = entry.target.findIndex(isReservedName);
    if (t === -1) return;
    const path = Array.isArray((raw[i] as { target?: unknown }).target) ? [i, 'target', t] : [i, 'target'];
    throw jsonErrorAt(text, file, path, `${label}: ${reservedNameReason(`the target "${entry.target[t] ?? ''}"`)}`);
  });
}

function readEntries(text: string, file: string): PytmEntry[] {
  const raw = parseJsonText(text, file);
  if (!Array.isArray(raw))
    throw new KbImportError(
      `${file}: a pytm threat library is a JSON list of threats, but the file holds ${kindOf(raw)}`,
    );
  const result = PytmLibrary.safeParse(raw, { reportInput: true });
  if (!result.success)
    throw structureError(file, result.error, (path) => ({ label: entryLabel(raw, Number(path[0])), consumed: 1 }));
  refuseReservedNames(result.data, raw, text, file);
  return result.data;
}

/** OWASP pytm's threat library (threats.json) as a knowledge base: one threat per entry. */
export function importPytm(text: string, options: ImportOptions): KnowledgeBase {
  const entries = readEntries(text, options.file);
  const threatIds = uniqueIds(entries.map((e) => e.SID));
  const withMitigation = entries
    .map((entry, i) => ({ entry, threatId: threatIds[i] ?? entry.SID }))
    .filter(({ entry }) => entry.mitigations.trim() !== '');
  const mitigationIds = uniqueIds(withMitigation.map(({ threatId }) => `M-${threatId}`));
  return finishKnowledgeBase(
    {
      format: 'pytm',
      id: 'pytm',
      name: 'OWASP pytm threat library',
      version: `content-${contentVersion(text)}`,
      description: `Imported from OWASP pytm (${entries.length} threats). Conditions are pytm's Python expressions, kept as text and never run.`,
      threats: entries.map((entry, i) => threatOf(entry, threatIds[i] ?? entry.SID)),
      mitigations: withMitigation.map(({ entry, threatId }, i) =>
        mitigationOf(entry, threatId, mitigationIds[i] ?? `M-${threatId}`),
      ),
    },
    options,
  );
}
