import { type KnowledgeBase, type Reference } from '../knowledge-base';
import {
  type ImportOptions,
  type MitigationDraft,
  type ThreatDraft,
  finishKnowledgeBase,
} from './build-knowledge-base';
import { type ElementKind, elementWords, wordsOfName, wordsRule } from './element-words';
import { KbImportError, structureError } from './import-error';
import { clip, collapseSpace, contentVersion, slugOf, titleFrom, uniqueIds } from './import-text';
import { parseJsonText } from './parse-json-text';
import { ThreatDragonModel, type ThreatDragonThreat } from './threat-dragon-model';
import { THREAT_DRAGON_PROBABILITY, impactOfSeverity, threatDragonStride } from './threat-dragon-types';
import { ownEntry } from './own-entry';

/** A threat with the diagram element it sits on. */
interface Located {
  threat: ThreatDragonThreat;
  element: string;
  elementType: string;
  fallbackId: string;
}

const ELEMENT_KINDS: Record<string, ElementKind> = {
  'tm.Process': 'process',
  'tm.Store': 'data-store',
  'tm.Actor': 'external-entity',
  'tm.Flow': 'data-flow',
};

/** A story matches when it names the element ("Message Queue": "message queue", "message", "queue"), or, for an unnamed one, its kind. */
function appliesWhen(element: string, elementType: string) {
  const kind = ownEntry(ELEMENT_KINDS, elementType);
  return wordsRule(element ? wordsOfName(element) : kind ? elementWords(kind) : []);
}

function referencesOf(threat: ThreatDragonThreat, note: string | undefined): Reference[] {
  const refs: Reference[] = threat.id ? [{ kind: 'source', value: threat.id }] : [];
  // A template has no status of its own; the model's verdict is kept for whoever applies it.
  if (threat.status) refs.push({ kind: 'note', value: clip(`status: ${threat.status}`, 4000) });
  if (threat.score !== undefined && String(threat.score).trim())
    refs.push({ kind: 'note', value: `score: ${String(threat.score)}` });
  if (note) refs.push({ kind: 'note', value: note });
  return refs;
}

function threatOf(located: Located, id: string): ThreatDraft {
  const { threat, element, elementType } = located;
  const { stride, note } = threatDragonStride(threat.type, threat.modelType, threat.title);
  const title = collapseSpace(threat.title);
  return {
    id,
    title: clip(title.length >= 3 ? title : `${threat.type || 'Threat'} on ${element || 'an element'}`, 200),
    description: clip(threat.description.trim(), 4000),
    stride,
    probability: THREAT_DRAGON_PROBABILITY,
    impact: impactOfSeverity(threat.severity),
    top: false,
    component: clip(element, 200),
    appliesWhen: appliesWhen(element, elementType),
    references: referencesOf(threat, note),
  };
}

/**
 * One template per distinct mitigation text: Threat Dragon models often repeat a mitigation on
 * every flow it protects ("The requests should require HTTP/S..."), and the app shows it once,
 * addressing each of those threats, with average strength (50) as the model does not weigh it.
 */
function mitigationsOf(located: readonly Located[], threatIds: readonly string[]): MitigationDraft[] {
  const groups = new Map<string, { text: string; threats: Array<{ threatId: string; sourceId: string }> }>();
  located.forEach(({ threat }, i) => {
    const text = threat.mitigation.trim();
    const key = collapseSpace(text).toLowerCase();
    if (!key) return;
    const group = groups.get(key) ?? { text, threats: [] };
    group.threats.push({ threatId: threatIds[i] ?? '', sourceId: threat.id ?? '' });
    groups.set(key, group);
  });
  const list = [...groups.values()].flatMap((g) => chunks(g.threats, 50).map((threats) => ({ text: g.text, threats })));
  const ids = uniqueIds(list.map((g) => `M-${g.threats[0]?.threatId ?? ''}`));
  return list.map((g, i) => ({
    id: ids[i] ?? '',
    title: titleOf(g.text),
    implementation: clip(g.text, 4000),
    addresses: g.threats.map((t) => ({ threatId: t.threatId, strength: 50 as const })),
    references: g.threats.filter((t) => t.sourceId).map((t) => ({ kind: 'source' as const, value: t.sourceId })),
  }));
}

const titleOf = (text: string): string => {
  const title = titleFrom(text);
  return title.length >= 3 ? title : 'Mitigation';
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

function readModel(text: string, file: string): ThreatDragonModel {
  const raw = parseJsonText(text, file);
  const diagrams = (raw as { detail?: { diagrams?: unknown } } | null)?.detail?.diagrams;
  if (
    Array.isArray(diagrams) &&
    diagrams.some((d) => d && typeof d === 'object' && 'diagramJson' in d && !('cells' in d))
  )
    throw new KbImportError(
      `${file}: a Threat Dragon version 1 model; open it in Threat Dragon 2 and save it, then import that file`,
    );
  const result = ThreatDragonModel.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  throw structureError(file, result.error, (path) => {
    const [detail, diagrams_, d, cells, c, data, threats, t] = path;
    if (
      detail === 'detail' &&
      diagrams_ === 'diagrams' &&
      cells === 'cells' &&
      data === 'data' &&
      threats === 'threats' &&
      typeof t === 'number'
    )
      return { label: `diagram ${Number(d) + 1}, cell ${Number(c) + 1}, threat ${t + 1}`, consumed: 8 };
    return { label: 'the model', consumed: 0 };
  });
}

function locate(model: ThreatDragonModel): Located[] {
  return model.detail.diagrams.flatMap((diagram, d) =>
    diagram.cells.flatMap((cell, c) =>
      (cell.data?.threats ?? []).map((threat, t) => ({
        threat,
        element: collapseSpace(cell.data?.name ?? ''),
        elementType: cell.data?.type ?? '',
        fallbackId: `diagram-${d + 1}-cell-${c + 1}-threat-${t + 1}`,
      })),
    ),
  );
}

/** An OWASP Threat Dragon v2 model as a knowledge base: one threat per threat on any diagram element. */
export function importThreatDragon(text: string, options: ImportOptions): KnowledgeBase {
  const model = readModel(text, options.file);
  const located = locate(model);
  const threatIds = uniqueIds(located.map((l) => l.threat.id ?? l.fallbackId));
  const title = collapseSpace(model.summary?.title ?? '');
  return finishKnowledgeBase(
    {
      format: 'threat-dragon',
      id: slugOf(title, 'threat-dragon'),
      name: title || 'Threat Dragon model',
      version: `content-${contentVersion(text)}`,
      description: `Imported from the OWASP Threat Dragon model "${title || options.file}" (${located.length} threats on ${model.detail.diagrams.length} diagrams).`,
      threats: located.map((l, i) => threatOf(l, threatIds[i] ?? l.fallbackId)),
      mitigations: mitigationsOf(located, threatIds),
    },
    options,
  );
}
