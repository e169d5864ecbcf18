import type { z } from 'zod';
import { AppError } from '../common/app-error';
import { Mitigation } from '../mitigation/mitigation';
import { Threat, threatNumber } from '../threat-model/threat';
import type { Actor, ThreatModel } from '../threat-model/threat-model';
import type { ImportedFrom, InterchangeFormat } from './imported-from';
import { fileId, uuidFrom } from './interchange-ids';
import { MODEL_MITIGATIONS_MAX, MODEL_THREATS_MAX, PREVIEW_ITEMS_MAX } from './interchange-limits';
import type { InterchangeMitigation, InterchangeModel, InterchangeThreat } from './interchange-model';

/** `conflict`: changed in Jira since the file was exported from this project; left as it is, with a warning. */
export type ImportAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface ImportPreviewItem {
  kind: 'threat' | 'mitigation';
  action: ImportAction;
  /** The id in the project: the existing one, or the one it will get. */
  id: string;
  title: string;
  /** For an update that renames the record: its title now. */
  previousTitle?: string;
}

export interface ImportPreview {
  format: InterchangeFormat;
  name: string;
  threats: Record<ImportAction, number>;
  mitigations: Record<ImportAction, number>;
  /** The records the import creates, updates or leaves for a conflict, the first PREVIEW_ITEMS_MAX (as the page lists them). */
  items: ImportPreviewItem[];
  /** How many more such records there are than `items` lists. */
  moreItems: number;
  warnings: string[];
  /**
   * What the import was planned from: the revisions of the records it matched and the model's
   * next ids. An import sent with it is refused (CONFLICT) when the model changed since.
   */
  token: string;
}

const keyOf = (imported: Pick<ImportedFrom, 'format' | 'document' | 'externalId'>): string =>
  JSON.stringify([imported.format, imported.document ?? '', imported.externalId]);

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

interface Match<R> {
  record: R;
  /** Found by its id in the project, in a file exported from it: the file's revision is this project's. */
  byOwnId: boolean;
}

/**
 * Whether the file would put back an older version of a record: it was exported from this
 * project at one revision, the record has another now, and the file's values differ from it.
 */
const changedSinceExport = (match: Match<Threat | Mitigation>, ownRevision: number | undefined): boolean =>
  match.byOwnId && ownRevision !== undefined && match.record.revision !== ownRevision;

function mergeThreat(
  incoming: InterchangeThreat,
  match: Match<Threat> | undefined,
  origin: Omit<ImportedFrom, 'externalId'>,
  actor: Actor,
  next: Counter,
): { threat: Threat; action: ImportAction } {
  const stamp = { accountId: actor.accountId, at: actor.now };
  const { externalId, ownId: _own, ownRevision, ...values } = incoming;
  const existing = match?.record;
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
        imported: { ...origin, externalId },
      },
    };
  }
  const changed = { ...existing, ...values };
  if (!differs(existing, changed, THREAT_FIELDS)) return { action: 'unchanged', threat: existing };
  if (changedSinceExport(match, ownRevision)) return { action: 'conflict', threat: existing };
  return { action: 'update', threat: { ...changed, updated: stamp, revision: existing.revision + 1 } };
}

function mergeMitigation(
  incoming: InterchangeMitigation,
  match: Match<Mitigation> | undefined,
  threatIdOf: Map<string, string>,
  origin: Omit<ImportedFrom, 'externalId'>,
  actor: Actor,
  next: Counter,
): { mitigation: Mitigation; action: ImportAction } {
  const stamp = { accountId: actor.accountId, at: actor.now };
  const { externalId, ownId: _own, ownRevision, addresses: external, ...values } = incoming;
  const existing = match?.record;
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
        imported: { ...origin, externalId },
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
  if (changedSinceExport(match, ownRevision)) return { action: 'conflict', mitigation: existing };
  return { action: 'update', mitigation: { ...changed, updated: stamp, revision: existing.revision + 1 } };
}

const counts = (items: ImportPreviewItem[], kind: ImportPreviewItem['kind']): Record<ImportAction, number> => {
  const count: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, conflict: 0 };
  for (const item of items) if (item.kind === kind) count[item.action] += 1;
  return count;
};

/**
 * Finds the record an incoming one stands for. In a file this app exported from this very
 * project, the record with the id the file names (T-3) comes first, so a model exported, edited
 * elsewhere and imported back is updated, not doubled, even where an imported record kept an id
 * in its file that is also one of the project's. Else the record imported before from the same
 * document (format, document, id in it). Each record is matched once.
 */
function matcher<R extends Threat | Mitigation>(records: R[], file: InterchangeModel, projectKey: string | undefined) {
  const byKey = new Map(records.flatMap((r) => (r.imported ? [[keyOf(r.imported), r] as const] : [])));
  const byId = new Map(records.map((r) => [r.id, r]));
  const ownFile = projectKey !== undefined && file.projectKey === projectKey;
  const matched = new Set<string>();
  return (incoming: { externalId: string; ownId?: string }): Match<R> | undefined => {
    const own = ownFile && incoming.ownId ? byId.get(incoming.ownId) : undefined;
    const found =
      own && !matched.has(own.id)
        ? own
        : byKey.get(keyOf({ format: file.format, document: file.document, externalId: incoming.externalId }));
    if (!found || matched.has(found.id)) return undefined;
    matched.add(found.id);
    return { record: found, byOwnId: found === own };
  };
}

/** Refuses the file when a merged record is not one the model can store, naming the record. */
function requireStorable(schema: z.ZodType, record: Threat | Mitigation, what: string, externalId: string): void {
  const checked = schema.safeParse(record);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError(
    'BAD_REQUEST',
    `The file's ${what} ${fileId(externalId)} ("${record.title}") cannot be imported: ${issue?.message ?? 'it is not valid'}${where}. Nothing was imported.`,
  );
}

function requireModelSize(model: { threats: number; mitigations: number }): void {
  if (model.threats > MODEL_THREATS_MAX || model.mitigations > MODEL_MITIGATIONS_MAX)
    throw new AppError(
      'BAD_REQUEST',
      `After this import the model would have ${model.threats} threats and ${model.mitigations} mitigations; a model holds at most ${MODEL_THREATS_MAX.toLocaleString('en')} of each. Nothing was imported.`,
    );
}

/** What a plan was made from: each record's action and the revision it was planned on, and the next ids. */
const tokenOf = (plan: unknown[]): string => uuidFrom(JSON.stringify(plan));

const CONFLICT_WARNING = (item: ImportPreviewItem) =>
  `${item.id} ("${item.title}") was changed in Jira since this file was exported; it is left as it is. Export again to edit its current version.`;

/**
 * The model with a file's threats and mitigations merged in: a record named by its id in a file
 * exported from this project, or imported before from the same document, is updated where the
 * file differs and left alone where it does not; any other is added with the next id. A record
 * changed in Jira since the file was exported from this project is not overwritten: it is a
 * conflict, with a warning. Importing the same file twice therefore adds nothing the second
 * time. The preview says what was (or would be) created, updated and left unchanged, and its
 * token what the plan rests on. `projectKey`: the project the file is imported into.
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
  const plan: unknown[] = [next.threat, next.mitigation];
  const origin = { format: file.format, document: file.document };
  const items: ImportPreviewItem[] = [];
  const itemOf = (
    kind: ImportPreviewItem['kind'],
    action: ImportAction,
    record: Threat | Mitigation,
    before: Threat | Mitigation | undefined,
  ): ImportPreviewItem => ({
    kind,
    action,
    id: record.id,
    title: record.title,
    ...(action === 'update' && before && before.title !== record.title ? { previousTitle: before.title } : {}),
  });
  const threats = new Map(model.threats.map((t) => [t.id, t]));
  const threatIdOf = new Map<string, string>();
  for (const incoming of file.threats) {
    const match = threatFor(incoming);
    const { threat, action } = mergeThreat(incoming, match, origin, actor, next);
    if (action === 'create' || action === 'update') requireStorable(Threat, threat, 'threat', incoming.externalId);
    threats.set(threat.id, threat);
    threatIdOf.set(incoming.externalId, threat.id);
    plan.push([threat.id, action, match?.record.revision ?? 0]);
    items.push(itemOf('threat', action, threat, match?.record));
  }
  const mitigations = new Map(model.mitigations.map((m) => [m.id, m]));
  for (const incoming of file.mitigations) {
    const match = mitigationFor(incoming);
    const { mitigation, action } = mergeMitigation(incoming, match, threatIdOf, origin, actor, next);
    if (action === 'create' || action === 'update')
      requireStorable(Mitigation, mitigation, 'mitigation', incoming.externalId);
    mitigations.set(mitigation.id, mitigation);
    plan.push([mitigation.id, action, match?.record.revision ?? 0]);
    items.push(itemOf('mitigation', action, mitigation, match?.record));
  }
  requireModelSize({ threats: threats.size, mitigations: mitigations.size });
  const listed = items.filter((i) => i.action !== 'unchanged');
  const preview: ImportPreview = {
    format: file.format,
    name: file.name,
    threats: counts(items, 'threat'),
    mitigations: counts(items, 'mitigation'),
    items: listed.slice(0, PREVIEW_ITEMS_MAX),
    moreItems: Math.max(0, listed.length - PREVIEW_ITEMS_MAX),
    warnings: [...file.warnings, ...items.filter((i) => i.action === 'conflict').map(CONFLICT_WARNING)],
    token: tokenOf(plan),
  };
  if (items.every((i) => i.action === 'unchanged' || i.action === 'conflict')) return { model, preview };
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
