import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { threatNumber } from '../threat-model/threat';
import type { Actor, ThreatModel } from '../threat-model/threat-model';
import type { InterchangeFormat } from './imported-from';
import type { InterchangeMitigation, InterchangeModel, InterchangeThreat } from './interchange-model';

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportPreviewItem {
  kind: 'threat' | 'mitigation';
  action: ImportAction;
  /** The id in the project: the existing one, or the one it will get. */
  id: string;
  title: string;
}

export interface ImportPreview {
  format: InterchangeFormat;
  name: string;
  threats: Record<ImportAction, number>;
  mitigations: Record<ImportAction, number>;
  items: ImportPreviewItem[];
  warnings: string[];
}

const keyOf = (format: InterchangeFormat, externalId: string): string => `${format}\u0000${externalId}`;

const THREAT_FIELDS = ['title', 'description', 'stride', 'probability', 'impact', 'component', 'state'] as const;
const MITIGATION_FIELDS = [
  'title',
  'implementation',
  'verification',
  'controlType',
  'status',
  'rejectionReason',
  'addresses',
] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function differs<T extends object>(current: T, next: T, fields: readonly (keyof T)[]): boolean {
  return fields.some((f) => !same(current[f], next[f]));
}

interface Counter {
  threat: number;
  mitigation: number;
}

function mergeThreat(
  incoming: InterchangeThreat,
  existing: Threat | undefined,
  format: InterchangeFormat,
  actor: Actor,
  next: Counter,
): { threat: Threat; action: ImportAction } {
  const stamp = { accountId: actor.accountId, at: actor.now };
  const { externalId, ownId: _own, ...values } = incoming;
  if (!existing) {
    const id = `T-${next.threat++}`;
    return {
      action: 'create',
      threat: {
        ...values,
        id,
        source: { kind: 'manual' },
        created: stamp,
        updated: stamp,
        revision: 1,
        imported: { format, externalId },
      },
    };
  }
  const changed = { ...existing, ...values };
  if (!differs(existing, changed, THREAT_FIELDS)) return { action: 'unchanged', threat: existing };
  return { action: 'update', threat: { ...changed, updated: stamp, revision: existing.revision + 1 } };
}

function mergeMitigation(
  incoming: InterchangeMitigation,
  existing: Mitigation | undefined,
  threatIdOf: Map<string, string>,
  format: InterchangeFormat,
  actor: Actor,
  next: Counter,
): { mitigation: Mitigation; action: ImportAction } {
  const stamp = { accountId: actor.accountId, at: actor.now };
  const { externalId, ownId: _own, addresses: external, ...values } = incoming;
  const imported = external.flatMap((a) => {
    const threatId = threatIdOf.get(a.externalThreatId);
    return threatId ? [{ threatId, strength: a.strength }] : [];
  });
  if (!existing) {
    return {
      action: 'create',
      mitigation: {
        ...values,
        addresses: imported,
        id: `M-${next.mitigation++}`,
        task: null,
        created: stamp,
        updated: stamp,
        revision: 1,
        imported: { format, externalId },
      },
    };
  }
  // Threats the team linked by hand, which the file does not know, stay linked; a task's status
  // is Jira's, so a mitigation with a task keeps the status its task gave it.
  const importedIds = new Set(threatIdOf.values());
  const kept = existing.addresses.filter((a) => !importedIds.has(a.threatId));
  const changed: Mitigation = {
    ...existing,
    ...values,
    status: existing.task ? existing.status : values.status,
    rejectionReason: existing.task ? existing.rejectionReason : values.rejectionReason,
    addresses: [...imported, ...kept].slice(0, 50),
  };
  if (!differs(existing, changed, MITIGATION_FIELDS)) return { action: 'unchanged', mitigation: existing };
  return { action: 'update', mitigation: { ...changed, updated: stamp, revision: existing.revision + 1 } };
}

const counts = (items: ImportPreviewItem[], kind: ImportPreviewItem['kind']): Record<ImportAction, number> => ({
  create: items.filter((i) => i.kind === kind && i.action === 'create').length,
  update: items.filter((i) => i.kind === kind && i.action === 'update').length,
  unchanged: items.filter((i) => i.kind === kind && i.action === 'unchanged').length,
});

/**
 * Finds the record an incoming one stands for: one imported before from the same format with
 * the same id in the file, else, in a file this app exported from this very project, the record
 * with the id the file names (T-3), so a model exported, edited elsewhere and imported back is
 * updated, not doubled. Each record is matched once.
 */
function matcher<R extends Threat | Mitigation>(records: R[], file: InterchangeModel, projectKey: string | undefined) {
  const byKey = new Map(
    records.flatMap((r) => (r.imported ? [[keyOf(r.imported.format, r.imported.externalId), r] as const] : [])),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  const ownFile = projectKey !== undefined && file.projectKey === projectKey;
  const matched = new Set<string>();
  return (incoming: { externalId: string; ownId?: string }): R | undefined => {
    const found =
      byKey.get(keyOf(file.format, incoming.externalId)) ??
      (ownFile && incoming.ownId ? byId.get(incoming.ownId) : undefined);
    if (!found || matched.has(found.id)) return undefined;
    matched.add(found.id);
    return found;
  };
}

/**
 * The model with a file's threats and mitigations merged in: a record imported before (the same
 * format and id in the file), or named by its id in a file exported from this project, is
 * updated where the file differs and left alone where it does not; any other is added with the
 * next id. Importing the same file twice therefore adds nothing the second time. The preview
 * says what was (or would be) created, updated and left unchanged. `projectKey`: the project
 * the file is imported into.
 */
export function mergeImport(
  model: ThreatModel,
  file: InterchangeModel,
  actor: Actor,
  projectKey?: string,
): { model: ThreatModel; preview: ImportPreview } {
  const threatFor = matcher(model.threats, file, projectKey);
  const mitigationFor = matcher(model.mitigations, file, projectKey);
  const next: Counter = {
    threat: Math.max(model.nextThreatNumber, ...model.threats.map((t) => threatNumber(t.id) + 1)),
    mitigation: Math.max(model.nextMitigationNumber, ...model.mitigations.map((m) => Number(m.id.slice(2)) + 1)),
  };
  const items: ImportPreviewItem[] = [];
  const threats = new Map(model.threats.map((t) => [t.id, t]));
  const threatIdOf = new Map<string, string>();
  for (const incoming of file.threats) {
    const { threat, action } = mergeThreat(incoming, threatFor(incoming), file.format, actor, next);
    threats.set(threat.id, threat);
    threatIdOf.set(incoming.externalId, threat.id);
    items.push({ kind: 'threat', action, id: threat.id, title: threat.title });
  }
  const mitigations = new Map(model.mitigations.map((m) => [m.id, m]));
  for (const incoming of file.mitigations) {
    const { mitigation, action } = mergeMitigation(
      incoming,
      mitigationFor(incoming),
      threatIdOf,
      file.format,
      actor,
      next,
    );
    mitigations.set(mitigation.id, mitigation);
    items.push({ kind: 'mitigation', action, id: mitigation.id, title: mitigation.title });
  }
  const preview: ImportPreview = {
    format: file.format,
    name: file.name,
    threats: counts(items, 'threat'),
    mitigations: counts(items, 'mitigation'),
    items,
    warnings: file.warnings,
  };
  if (items.every((i) => i.action === 'unchanged')) return { model, preview };
  return {
    model: {
      ...model,
      threats: [...threats.values()],
      mitigations: [...mitigations.values()],
      nextThreatNumber: next.threat,
      nextMitigationNumber: next.mitigation,
    },
    preview,
  };
}
