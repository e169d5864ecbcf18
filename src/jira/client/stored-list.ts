import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { PROPERTY_VALUE_MAX } from './entity-properties';
import { storedForm, withUnknownFieldsOf } from './unknown-fields';

// A project property that holds a list (`{ v: 1, <field>: [...] }`) is input: anyone with project
// admin can write it through the REST API. It is read entry by entry, so one broken entry hides
// only itself; a write puts every broken entry back exactly as it was stored, and a container
// that cannot be read at all is never written over (DESIGN.md, "Never overwrite what cannot be read").
// What a newer version added is kept too: an entry's top-level fields this version does not know
// ride along with it (unknown-fields.ts; nested ones are not kept), and so do the container's.

export interface ListProperty<T> {
  key: string;
  /** The array's field in the stored object. */
  field: string;
  /** At most this many entries (a longer list fails as a whole); none when Jira's size limit is the only one. */
  max?: number;
  entry: z.ZodType<T>;
  /** What an entry is called at the start of a sentence: "Suppression". */
  entryName: string;
  /** The entry's field that names it in a problem (an id, a date), when a broken entry still has it. */
  labelField: string;
  /** What happens to a broken entry for readers: "is not applied". */
  ignored: string;
  /** The readers' problem when the container itself fails. */
  unreadable: string;
  /** The writers' refusal when the container itself fails. */
  refusal: string;
}

export interface StoredList<T> {
  /** False when the property exists but is not a `{ v: 1, <field>: [...] }` within the limit. */
  readable: boolean;
  entries: T[];
  /** The entries that failed their schema, exactly as stored. */
  broken: unknown[];
  problems: string[];
  /** The container's top-level keys besides `v` and the list (a newer version's), written back as read. */
  extraKeys?: Record<string, unknown>;
}

/** Each broken entry is named up to this many; the rest are counted, so a view never lists hundreds. */
const NAMED_PROBLEMS = 5;

const containerOf = (spec: ListProperty<unknown>) =>
  z.looseObject({
    v: z.literal(1),
    [spec.field]: spec.max === undefined ? z.array(z.unknown()) : z.array(z.unknown()).max(spec.max),
  });

/** The label a broken entry still carries (its id, finding id or date), if any. */
export function brokenLabel(spec: ListProperty<unknown>, raw: unknown): string | undefined {
  const label = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[spec.labelField] : undefined;
  return typeof label === 'string' ? label : undefined;
}

function entryProblem(
  spec: ListProperty<unknown>,
  position: number,
  raw: unknown,
  issue: z.core.$ZodIssue | undefined,
): string {
  const label = brokenLabel(spec, raw);
  const why = `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'not valid'}`;
  return `${spec.entryName} ${position}${label === undefined ? '' : ` ("${label}")`} in ${spec.key} is not valid and ${spec.ignored} (${why}); the app keeps it as stored until someone fixes or deletes it.`;
}

/** Reads a stored list entry by entry; `raw` undefined is an empty list (the property does not exist). */
export function readListProperty<T>(spec: ListProperty<T>, raw: unknown): StoredList<T> {
  if (raw === undefined) return { readable: true, entries: [], broken: [], problems: [] };
  const container = containerOf(spec).safeParse(raw);
  if (!container.success) return { readable: false, entries: [], broken: [], problems: [spec.unreadable] };
  const list = container.data[spec.field] as unknown[];
  const extraKeys = Object.entries(container.data).filter(([key]) => key !== 'v' && key !== spec.field);
  const stored: StoredList<T> = { readable: true, entries: [], broken: [], problems: [] };
  if (extraKeys.length > 0) stored.extraKeys = Object.fromEntries(extraKeys);
  list.forEach((item, i) => {
    const parsed = spec.entry.safeParse(item);
    if (parsed.success) stored.entries.push(withUnknownFieldsOf(parsed.data, item));
    else {
      stored.broken.push(item);
      if (stored.problems.length < NAMED_PROBLEMS)
        stored.problems.push(entryProblem(spec, i + 1, item, parsed.error.issues[0]));
    }
  });
  const unnamed = stored.broken.length - stored.problems.length;
  if (unnamed > 0)
    stored.problems.push(
      `${unnamed} more ${unnamed === 1 ? 'entry' : 'entries'} in ${spec.key} ${unnamed === 1 ? 'is' : 'are'} not valid and kept as stored.`,
    );
  return stored;
}

/** Refuses, with the property's sentence, a write over a container that cannot be read. */
export function requireWritable(spec: ListProperty<unknown>, stored: StoredList<unknown>): void {
  if (!stored.readable) throw new AppError('INVALID_DATA', spec.refusal);
}

/**
 * The value to store: the new entries (with the unknown fields they were read with), then the
 * broken ones exactly as they were read, in the container with the keys it was read with.
 * Refuses when the container cannot be read, when the broken entries would push it past its
 * limit (the next read would then fail as a whole), and when its JSON is longer than Jira takes.
 */
export function listValue<T>(spec: ListProperty<T>, stored: StoredList<T>, entries: T[]): Record<string, unknown> {
  requireWritable(spec, stored);
  if (spec.max !== undefined && entries.length + stored.broken.length > spec.max)
    throw new AppError(
      'INVALID_DATA',
      `${spec.key} holds ${stored.broken.length} entries that are not valid, and with them it would exceed its limit of ${spec.max}; fix or delete them in that project property, then try again.`,
    );
  const value = { ...stored.extraKeys, v: 1, [spec.field]: [...entries.map(storedForm), ...stored.broken] };
  requireStorable(spec, stored, JSON.stringify(value).length);
  return value;
}

/** Refuses a value Jira would answer 400 to (PROPERTY_VALUE_MAX): a sentence says what to trim. */
function requireStorable(spec: ListProperty<unknown>, stored: StoredList<unknown>, length: number): void {
  if (length <= PROPERTY_VALUE_MAX) return;
  const n = stored.broken.length;
  const withBroken =
    n === 0
      ? ''
      : n === 1
        ? ' with the entry in it that is not valid'
        : ` with the ${n} entries in it that are not valid`;
  throw new AppError(
    'INVALID_DATA',
    `${spec.key} would be ${length.toLocaleString('en')} characters long${withBroken}, past Jira's limit of ${PROPERTY_VALUE_MAX.toLocaleString('en')} for a property value, so nothing was written; fix or delete entries in that project property, then try again.`,
  );
}
