import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { builtInKnowledgeBase } from '../../domain/knowledge-base/active-knowledge-bases';
import {
  KnowledgeBase,
  MitigationTemplate,
  StrideQuestion,
  ThreatTemplate,
} from '../../domain/knowledge-base/knowledge-base';
import { parseBoundedJson, parseEach } from '../client/bounded-json';
import { readableTemplates } from '../../domain/knowledge-base/importers/tmt-placeholders';
import { KnowledgeBaseId, type KnowledgeBaseSettings } from '../../domain/knowledge-base/knowledge-base-settings';
import { deleteProperty, getProjectProperties, projectEntity, putProperty } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import { propertyLock, withLease } from '../client/property-lease';
import {
  brokenLabel,
  listValue,
  readListProperty,
  requireWritable,
  type ListProperty,
  type StoredList,
} from '../client/stored-list';

// Knowledge bases a project uploaded (the built-in one lives in the code). A small library
// property lists them; each one's JSON is deflated, base64-encoded and cut into parts of at most
// 30,000 characters (Jira's limit for a value is 32,768). A new version is written to the slot
// the library does not point at, then the library is switched: a reader never sees half of one.

export const LIBRARY_KEY = 'without.kb.library';
const LOCK_KEY = 'without.kb.lock';
const PART_LIMIT = 30_000;
/** 40 parts of 30,000 characters: about 1.2 MB deflated, several MB of knowledge base. */
export const MAX_PARTS = 40;
export const MAX_UPLOADED = 20;
/**
 * The most a stored knowledge base may inflate to. Its parts are project properties its admins
 * may write, and 40 parts of a deflated stream of spaces inflate to about 900 MB (found by an
 * attacker's review); a real one is a few MB. The writer refuses a larger one too.
 */
const MAX_JSON = 16 * 1024 * 1024;
/** Far past what 16 MB of real templates hold (long texts, few values a KB). */
const KB_JSON_LIMITS = { containers: 1_000_000, values: 4_000_000 };
/** Each list the schema allows, and what one element may hold (a template's lists are short). */
const KB_LISTS = [
  { key: 'threats', element: ThreatTemplate, max: 5000 },
  { key: 'mitigations', element: MitigationTemplate, max: 10_000 },
  { key: 'questions', element: StrideQuestion, max: 2000 },
] as const;
const TEMPLATE_MAX_NODES = 20_000;

/**
 * Whether each list is absent or within its length with every element valid, checked one element
 * at a time before the whole schema runs: a stored value a project admin wrote with a million
 * broken templates costs one template's check, not an issue for each (see bounded-json).
 */
const listsHold = (raw: Record<string, unknown>): boolean =>
  KB_LISTS.every(({ key, element, max }) => {
    const list = raw[key];
    return (
      list === undefined ||
      (Array.isArray(list) && list.length <= max && !!parseEach(list, element, TEMPLATE_MAX_NODES))
    );
  });
const partKey = (id: string, slot: number, index: number) => `without.kb.${id}.${slot}.${index}`;

export const LibraryEntry = z.object({
  id: KnowledgeBaseId,
  name: z.string(),
  version: z.string(),
  description: z.string().default(''),
  sourceFormat: z.enum(['built-in', 'without', 'pytm', 'tmt', 'threat-dragon', 'otm', 'threat-composer']),
  file: z.string().optional(),
  counts: z.object({
    threats: z.number().int().min(0),
    mitigations: z.number().int().min(0),
    questions: z.number().int().min(0),
  }),
  slot: z.number().int().min(0).max(1),
  parts: z.number().int().min(1).max(MAX_PARTS),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Set when a person removed it; kept (with its parts) so the removal can be undone. */
  removedAt: z.string().optional(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

// The library is input (anyone with project admin can write it): read entry by entry, a broken
// entry is reported and written back as stored by every change; a library that cannot be read at
// all, or a change to an id whose entry is broken (its parts may be the ones a new version would
// overwrite), is refused.
export const LIBRARY: ListProperty<LibraryEntry> = {
  key: LIBRARY_KEY,
  field: 'entries',
  max: MAX_UPLOADED * 2,
  entry: LibraryEntry,
  entryName: 'Uploaded knowledge base',
  labelField: 'id',
  ignored: 'is not listed',
  unreadable: `The list of uploaded knowledge bases (${LIBRARY_KEY}) is not valid, so none is listed; the app will not change it until that project property is fixed or deleted.`,
  refusal: `The list of uploaded knowledge bases (${LIBRARY_KEY}) cannot be read, so the app will not overwrite it. Fix or delete that project property, then try again.`,
};
const Part = z.object({ v: z.literal(1), data: z.string() });

/** The uploaded knowledge bases (removed ones included), the entries that failed, and why. */
export type KnowledgeBaseLibrary = StoredList<LibraryEntry>;

/** The uploaded knowledge bases (removed ones included): one request. */
export async function readKnowledgeBaseLibrary(client: JiraClient, projectKey: string): Promise<KnowledgeBaseLibrary> {
  const stored = await getProjectProperties(client, projectKey, [LIBRARY_KEY]);
  return readListProperty(LIBRARY, stored[LIBRARY_KEY]);
}

/** Ids that broken entries still carry: their problem already names them. */
const brokenIds = (library: KnowledgeBaseLibrary): string[] =>
  library.broken.flatMap((raw) => brokenLabel(LIBRARY, raw) ?? []);

export interface LoadedKnowledgeBases {
  /** The active knowledge bases, in the order the settings name them. */
  knowledgeBases: KnowledgeBase[];
  problems: string[];
}

/**
 * The project's active knowledge bases. No request when only the built-in one is active;
 * otherwise two: the library, then every active upload's parts in one GET.
 */
export async function loadActiveKnowledgeBases(
  client: JiraClient,
  projectKey: string,
  settings: KnowledgeBaseSettings,
): Promise<LoadedKnowledgeBases> {
  const builtIn = builtInKnowledgeBase();
  const uploadedIds = settings.active.filter((id) => id !== builtIn.id);
  if (uploadedIds.length === 0)
    return { knowledgeBases: settings.active.includes(builtIn.id) ? [builtIn] : [], problems: [] };
  const library = await readKnowledgeBaseLibrary(client, projectKey);
  const entries = uploadedIds.flatMap((id) => library.entries.filter((e) => e.id === id && e.removedAt === undefined));
  const problems = [...library.problems];
  const broken = brokenIds(library);
  for (const id of uploadedIds)
    if (!entries.some((e) => e.id === id) && !broken.includes(id))
      problems.push(
        `The active knowledge base "${id}" is no longer uploaded in ${projectKey}; a project admin can upload it again or turn it off in the app's settings.`,
      );
  const keys = entries.flatMap((e) => Array.from({ length: e.parts }, (_, i) => partKey(e.id, e.slot, i)));
  const parts = await getProjectProperties(client, projectKey, keys);
  const loaded = new Map<string, KnowledgeBase>();
  for (const entry of entries) {
    const kb = decodeKnowledgeBase(
      Array.from({ length: entry.parts }, (_, i) => parts[partKey(entry.id, entry.slot, i)]),
    );
    if (kb) loaded.set(entry.id, kb);
    else problems.push(`The uploaded knowledge base "${entry.name}" cannot be read and is left out; upload it again.`);
  }
  const knowledgeBases = settings.active.flatMap((id) =>
    id === builtIn.id ? [builtIn] : loaded.has(id) ? [loaded.get(id)!] : [],
  );
  return { knowledgeBases, problems };
}

// Parsing is the costly part of reading an upload; the same stored text parses to the same value,
// and fails the same way (null): a broken one is not inflated again on every view.
const parsedCache = new Map<string, KnowledgeBase | null>();

function decodeKnowledgeBase(parts: unknown[]): KnowledgeBase | undefined {
  let data: string;
  try {
    data = parts.map((p) => Part.parse(p).data).join('');
  } catch {
    return undefined;
  }
  const cached = parsedCache.get(data);
  if (cached !== undefined) return cached ?? undefined;
  const kb = parseKnowledgeBase(data);
  if (parsedCache.size >= 8) parsedCache.delete(parsedCache.keys().next().value!);
  parsedCache.set(data, kb ?? null);
  return kb;
}

function parseKnowledgeBase(data: string): KnowledgeBase | undefined {
  try {
    const json = inflateRawSync(Buffer.from(data, 'base64'), { maxOutputLength: MAX_JSON }).toString('utf8');
    const raw = parseBoundedJson(json, KB_JSON_LIMITS) as Record<string, unknown> | null;
    if (!raw || !listsHold(raw)) return undefined;
    // An upload from an older import may still hold TMT placeholders ("{target.Name}"): read resolved.
    return readableTemplates(KnowledgeBase.parse(raw));
  } catch {
    return undefined;
  }
}

/** The deflated parts of a knowledge base; refuses one beyond the limit with the reason. */
export function encodeKnowledgeBase(kb: KnowledgeBase): string[] {
  const json = Buffer.from(JSON.stringify(kb), 'utf8');
  if (json.length > MAX_JSON)
    throw new AppError(
      'BAD_REQUEST',
      `"${kb.name}" is too large to keep in the project: ${Math.round(json.length / 1_000_000)} MB of JSON, the limit is ${MAX_JSON / 1024 / 1024} MB. Split it into smaller knowledge bases.`,
    );
  const data = deflateRawSync(json, { level: 9 }).toString('base64');
  const count = Math.max(1, Math.ceil(data.length / PART_LIMIT));
  if (count > MAX_PARTS) {
    throw new AppError(
      'BAD_REQUEST',
      `"${kb.name}" is too large to keep in the project: ${Math.round(data.length / 1000)} KB compressed, the limit is ${(MAX_PARTS * PART_LIMIT) / 1000} KB. Split it into smaller knowledge bases.`,
    );
  }
  return Array.from({ length: count }, (_, i) => data.slice(i * PART_LIMIT, (i + 1) * PART_LIMIT));
}

/** Refuses a change to the upload `id` while its stored entry cannot be read. */
function requireReadableEntry(library: KnowledgeBaseLibrary, id: string): void {
  if (!brokenIds(library).includes(id)) return;
  throw new AppError(
    'INVALID_DATA',
    `The stored entry of the uploaded knowledge base "${id}" in ${LIBRARY_KEY} cannot be read, so the app will not overwrite it. Fix or delete that entry of the project property, then try again.`,
  );
}

/** Changes the library entry `id` under the lease; the library's broken entries are written back as stored. */
const changeLibrary = async <T>(
  client: JiraClient,
  projectKey: string,
  holder: string,
  id: string,
  change: (entries: LibraryEntry[]) => Promise<{ entries: LibraryEntry[]; result: T }>,
): Promise<T> =>
  withLease(propertyLock(client, projectEntity(projectKey), LOCK_KEY), { holder }, async () => {
    const library = await readKnowledgeBaseLibrary(client, projectKey);
    requireWritable(LIBRARY, library);
    requireReadableEntry(library, id);
    const { entries, result } = await change(library.entries);
    await putProperty(client, projectEntity(projectKey), LIBRARY_KEY, listValue(LIBRARY, library, entries));
    return result;
  });

/**
 * Keeps an uploaded knowledge base: a new one, or a new version of one with the same id (its
 * threats then show what changed). `client` must be allowed to write project properties (the
 * app); the caller has checked the person.
 */
export async function storeKnowledgeBase(
  client: JiraClient,
  projectKey: string,
  kb: KnowledgeBase,
  uploader: { accountId: string; now: string },
): Promise<{ entry: LibraryEntry; replaced: LibraryEntry | undefined }> {
  if (kb.id === builtInKnowledgeBase().id)
    throw new AppError('BAD_REQUEST', `"${kb.id}" is the built-in knowledge base's id; give the upload another id.`);
  const chunks = encodeKnowledgeBase(kb);
  return changeLibrary(client, projectKey, uploader.accountId, kb.id, async (entries) => {
    const previous = entries.find((e) => e.id === kb.id);
    if (!previous && entries.filter((e) => e.removedAt === undefined).length >= MAX_UPLOADED) {
      throw new AppError(
        'BAD_REQUEST',
        `${projectKey} already has ${MAX_UPLOADED} uploaded knowledge bases; remove one first.`,
      );
    }
    const slot = previous ? 1 - previous.slot : 0;
    for (let i = 0; i < chunks.length; i += 10) {
      await Promise.all(
        chunks
          .slice(i, i + 10)
          .map((data, j) =>
            putProperty(client, projectEntity(projectKey), partKey(kb.id, slot, i + j), { v: 1, data }),
          ),
      );
    }
    const entry: LibraryEntry = {
      id: kb.id,
      name: kb.name,
      version: kb.version,
      description: kb.description.slice(0, 500),
      sourceFormat: kb.source.format,
      ...(kb.source.file ? { file: kb.source.file } : {}),
      counts: { threats: kb.threats.length, mitigations: kb.mitigations.length, questions: kb.questions.length },
      slot,
      parts: chunks.length,
      uploadedBy: uploader.accountId,
      uploadedAt: uploader.now,
    };
    return {
      entries: pruneRemoved([...entries.filter((e) => e.id !== kb.id), entry]),
      result: { entry, replaced: previous?.removedAt === undefined ? previous : undefined },
    };
  });
}

/** Removed uploads are kept for undo, the newest MAX_UPLOADED of them: the library stays small. */
function pruneRemoved(entries: LibraryEntry[]): LibraryEntry[] {
  const removed = entries
    .filter((e) => e.removedAt !== undefined)
    .sort((a, b) => b.removedAt!.localeCompare(a.removedAt!));
  const dropped = new Set(removed.slice(MAX_UPLOADED).map((e) => e.id));
  return entries.filter((e) => !dropped.has(e.id));
}

/** Marks an upload removed (undo restores it) or restored. */
export async function setKnowledgeBaseRemoved(
  client: JiraClient,
  projectKey: string,
  id: string,
  removed: boolean,
  actor: { accountId: string; now: string },
): Promise<LibraryEntry> {
  return changeLibrary(client, projectKey, actor.accountId, id, async (entries) => {
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `${projectKey} has no uploaded knowledge base "${id}".`);
    const { removedAt: _removed, ...kept } = entry;
    const next: LibraryEntry = removed ? { ...kept, removedAt: actor.now } : kept;
    return { entries: entries.map((e) => (e.id === id ? next : e)), result: next };
  });
}

/** Deletes the parts of a slot no entry points at any more (best effort: leftovers are never read). */
export async function deleteKnowledgeBaseParts(
  client: JiraClient,
  projectKey: string,
  entry: Pick<LibraryEntry, 'id' | 'slot' | 'parts'>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: entry.parts }, (_, i) =>
      deleteProperty(client, projectEntity(projectKey), partKey(entry.id, entry.slot, i)),
    ),
  );
}
