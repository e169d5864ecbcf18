import type { Mitigation, MitigationStatus } from '../mitigation/mitigation';
import { readStoryClauses } from '../story/story-clauses';
import { statusFromTask } from '../mitigation/task-status';
import type { Threat } from '../threat-model/threat';
import type { WithoutClause } from '../story/without-clause';
import type { AuditInput, AuditStory, AuditTask } from './audit-input';
import { readTaskProperty, type TaskProperty } from '../mitigation/task-property';
import { taskEvidence } from '../mitigation/task-evidence';

export const IN_PLACE: ReadonlySet<MitigationStatus> = new Set(['implemented', 'existing']);
/** Accepted work that a task should carry. */
export const ACCEPTED: ReadonlySet<MitigationStatus> = new Set(['accepted', 'planned', 'in-progress']);

export interface ReadStory {
  story: AuditStory;
  clauses: WithoutClause[];
  directThreatIds: string[];
  /** Through clauses or directly, each once. */
  linkedThreatIds: string[];
  problems: string[];
}

export interface ReadTask {
  task: AuditTask;
  property: TaskProperty | undefined;
  problem: string | undefined;
  /**
   * Why the model does not confirm a valid property (another project, or the mitigation
   * records another task or none): such a task is suspicious and its status counts for nothing.
   */
  unconfirmed: string | undefined;
}

/**
 * The input read once and indexed by id, so every check is one pass over its entities with map
 * look-ups (10,000 stories x 1,000 threats x 3,000 tasks stays well under a second).
 */
export interface AuditIndex {
  input: AuditInput;
  threats: Map<string, Threat>;
  mitigations: Map<string, Mitigation>;
  mitigationsByThreat: Map<string, Mitigation[]>;
  stories: ReadStory[];
  /** Every story linking a threat id, known or not. */
  storiesByThreat: Map<string, ReadStory[]>;
  tasks: ReadTask[];
  tasksByKey: Map<string, ReadTask>;
  /** By the mitigation id in their property, when the model confirms it. */
  tasksByMitigation: Map<string, ReadTask[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One entry per key: a paged search can return an issue twice. */
const uniqueByKey = <T extends { key: string }>(items: T[]): T[] => [...new Map(items.map((i) => [i.key, i])).values()];

function readStory(story: AuditStory): ReadStory {
  const { clauses, directThreatIds, problems } = readStoryClauses(story.clausesValue);
  const linkedThreatIds = [...new Set([...clauses.flatMap((c) => c.threatIds), ...directThreatIds])];
  return { story, clauses, directThreatIds, linkedThreatIds, problems };
}

function readTask(input: AuditInput, task: AuditTask): ReadTask {
  const { property, problem } = readTaskProperty(task.propertyValue);
  if (!property) return { task, property, problem, unconfirmed: undefined };
  const evidence = taskEvidence(
    input.model,
    input.projectKey,
    { id: task.id, key: task.key, projectKey: input.projectKey },
    property,
  );
  return { task, property, problem, unconfirmed: evidence.recorded ? undefined : evidence.reason };
}

export function indexAudit(input: AuditInput): AuditIndex {
  const mitigationsByThreat = new Map<string, Mitigation[]>();
  for (const m of input.model.mitigations) for (const a of m.addresses) push(mitigationsByThreat, a.threatId, m);
  const stories = uniqueByKey(input.stories).map(readStory);
  const storiesByThreat = new Map<string, ReadStory[]>();
  for (const s of stories) for (const id of s.linkedThreatIds) push(storiesByThreat, id, s);
  const tasks = uniqueByKey(input.tasks).map((t) => readTask(input, t));
  const tasksByMitigation = new Map<string, ReadTask[]>();
  for (const t of tasks) if (t.property && !t.unconfirmed) push(tasksByMitigation, t.property.mitigationId, t);
  return {
    input,
    threats: new Map(input.model.threats.map((t) => [t.id, t])),
    mitigations: new Map(input.model.mitigations.map((m) => [m.id, m])),
    mitigationsByThreat,
    stories,
    storiesByThreat,
    tasks,
    tasksByKey: new Map(tasks.map((t) => [t.task.key, t])),
    tasksByMitigation,
  };
}

/** The task that carries a mitigation: the one the model records (a property alone never makes one). */
export function tasksOf(index: AuditIndex, mitigation: Mitigation): AuditTask[] {
  const recorded = mitigation.task ? index.tasksByKey.get(mitigation.task.key) : undefined;
  const named = index.tasksByMitigation.get(mitigation.id) ?? [];
  return [...new Set([...(recorded ? [recorded] : []), ...named].map((t) => t.task))];
}

/** Whether the task's Jira status means its work is done, under the project's status mapping. */
export const taskDone = (index: AuditIndex, task: AuditTask): boolean =>
  IN_PLACE.has(statusFromTask(task, index.input.model.settings.statusMapping));

/** Strength with which a mitigation addresses a threat (0 when it does not). */
export const strengthFor = (mitigation: Mitigation, threatId: string): number =>
  mitigation.addresses.find((a) => a.threatId === threatId)?.strength ?? 0;

export const activeThreats = (index: AuditIndex): Threat[] =>
  index.input.model.threats.filter((t) => t.state === 'active');

/** The known threats among ids, in the given order. */
export const knownThreats = (index: AuditIndex, ids: string[]): Threat[] =>
  ids.flatMap((id) => index.threats.get(id) ?? []);
