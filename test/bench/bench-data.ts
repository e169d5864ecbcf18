import { seededRandom } from '../support/seeded-random';
import type { LocalIssue } from '../../local/site/model';
import type { LocalSite } from '../../local/site/server';
import type { MitigationDraft, MitigationStatus, Strength } from '../../src/domain/mitigation/mitigation';
import { storyClausesValue } from '../../src/domain/story/story-clauses';
import type { StrideCategory } from '../../src/domain/threat-model/stride';
import { statusFromTask } from '../../src/domain/mitigation/task-status';
import type { Threat, ThreatDraft } from '../../src/domain/threat-model/threat';
import type { Mitigation } from '../../src/domain/mitigation/mitigation';
import {
  addMitigation,
  addThreat,
  attachTask,
  emptyThreatModel,
  followTaskStatus,
  setThreatState,
  type ThreatModel,
} from '../../src/domain/threat-model/threat-model';
import type { WithoutClause } from '../../src/domain/story/without-clause';
import { TASK_PROPERTY } from '../../src/jira/mitigation/mitigation-task-repository';
import { readThreatModel } from '../../src/jira/threat-model/threat-model-repository';
import {
  encodeShard,
  META_KEY,
  SHARD_LIMIT,
  SHARD_PREFIX,
  shardKey,
  type MetaValue,
  type ModelRecord,
  type ShardValue,
} from '../../src/jira/threat-model/threat-model-shards';
import { siteClient } from '../support/jira-clients';
import { adfText } from '../support/local-site';
import { prose } from '../support/prose';

// The benchmark's data: a big threat model for PAY, its mitigation tasks, and one future
// sprint per size with stories whose clauses point at random threats. Deterministic (seeded).

/** Seeded numbers: the same data on every run. */
export function random(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** `count` distinct values of 1..max. */
  const distinct = (count: number, max: number): number[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, max)) chosen.add(int(1, max));
    return [...chosen];
  };
  return { next, int, pick, distinct };
}
type Random = ReturnType<typeof random>;

const sentence = (seed: number, min: number, max: number, rng: Random): string => {
  const text = prose(seed, rng.int(min, max)).trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const COMPONENTS = [
  'checkout',
  'payments API',
  'wallet',
  'refunds',
  'login',
  'admin reports',
  'webhooks',
  'fraud engine',
  'mobile app',
  'settlement',
  'support backoffice',
];
const STRIDE: StrideCategory[] = ['S', 'T', 'R', 'I', 'D', 'E'];
const STRENGTHS: Strength[] = [25, 50, 75, 100];
/** Weighted mix of stored statuses (rejected ones say why). */
const STATUS_MIX: Array<[MitigationStatus, number]> = [
  ['proposed', 30],
  ['accepted', 20],
  ['planned', 10],
  ['in-progress', 10],
  ['implemented', 15],
  ['existing', 10],
  ['rejected', 5],
];
const weighted = (rng: Random): MitigationStatus => {
  let roll = rng.next() * 100;
  for (const [status, weight] of STATUS_MIX) if ((roll -= weight) < 0) return status;
  return 'proposed';
};

export function threatDraft(i: number, rng: Random): ThreatDraft {
  return {
    title: sentence(10_000 + i, 30, 110, rng),
    description: sentence(20_000 + i, 100, 500, rng),
    stride: rng.distinct(rng.int(1, 2), STRIDE.length).map((n) => STRIDE[n - 1]!),
    probability: rng.int(1, 5),
    impact: rng.int(1, 5),
    component: rng.pick(COMPONENTS),
  };
}

export function mitigationDraft(i: number, threatCount: number, rng: Random): MitigationDraft {
  const status = weighted(rng);
  return {
    title: sentence(30_000 + i, 25, 90, rng),
    implementation: sentence(40_000 + i, 120, 400, rng),
    verification: sentence(50_000 + i, 60, 200, rng),
    controlType: rng.pick(['preventive', 'preventive', 'detective', 'corrective'] as const),
    addresses: rng
      .distinct(rng.int(1, 2), threatCount)
      .map((n) => ({ threatId: `T-${n}`, strength: rng.pick(STRENGTHS) })),
    status,
    rejectionReason: status === 'rejected' ? sentence(60_000 + i, 40, 120, rng) : '',
  };
}

export interface BenchSprint {
  size: number;
  sprintId: number;
  /** Threat ids the sprint's stories point at. */
  threatIds: Set<string>;
}

/** A new future sprint on PAY's board with `size` stories, each with 1-2 clauses of 1-3 random threats. */
export function addBenchSprint(site: LocalSite, size: number, threatCount: number, rng: Random): BenchSprint {
  const sprintId = site.store.next('sprint', 100);
  site.store.put('sprint', sprintId, {
    id: sprintId,
    boardId: 1,
    name: `Bench sprint ${size}`,
    state: 'future',
    goal: `Benchmark: ${size} stories`,
  });
  const project = site.store.all('project').find((p) => p.key === 'PAY')!;
  const field = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!;
  const threatIds = new Set<string>();
  site.store.transaction(() => {
    for (let i = 0; i < size; i++) {
      const id = site.store.next('issue', 10000);
      const clauses: WithoutClause[] = Array.from({ length: rng.int(1, 2) }, (_, c) => {
        const ids = rng.distinct(rng.int(1, 3), threatCount).map((n) => `T-${n}`);
        ids.forEach((t) => threatIds.add(t));
        return { id: `c${id}-${c + 1}`, text: prose(id * 7 + c, rng.int(20, 120)).trim(), threatIds: ids };
      });
      site.store.put(
        'issue',
        id,
        story(id, `PAY-${site.store.next(`issue-number/${project.id}`)}`, project.id, sprintId, rng, {
          [field.id]: storyClausesValue(clauses, [], 1),
        }),
      );
    }
  });
  return { size, sprintId, threatIds };
}

const story = (
  id: number,
  key: string,
  projectId: number,
  sprintId: number,
  rng: Random,
  customFields: Record<string, unknown>,
): LocalIssue => ({
  id,
  key,
  projectId,
  issueTypeId: '10001',
  statusId: rng.pick(['10000', '10000', '3', '10001']),
  summary: `As a buyer, I want ${prose(id, rng.int(20, 70)).trim()} so that I can shop`,
  description: adfText(prose(id + 1, rng.int(80, 300)).trim()),
  labels: [],
  reporterAccountId: '712020:alice',
  assigneeAccountId: null,
  created: '2026-11-01T00:00:00.000+0000',
  updated: '2026-11-01T00:00:00.000+0000',
  rank: id,
  sprintId,
  customFields,
  properties: {},
});

/** The demo's mitigation tasks belong to the demo's model, which the benchmark replaces. */
export function removeDemoTasks(site: LocalSite): number {
  const tasks = site.store.all('issue').filter((i) => i.properties[TASK_PROPERTY] !== undefined);
  const ids = new Set(tasks.map((t) => t.id));
  site.store.transaction(() => {
    for (const link of site.store.all('link'))
      if (ids.has(link.inwardIssueId) || ids.has(link.outwardIssueId)) site.store.delete('link', link.id);
    for (const task of tasks) site.store.delete('issue', task.id);
  });
  return tasks.length;
}

/** T-12 and M-12 are the 12th threat and mitigation generated. */
const recordNumber = (id: string): number => Number(id.slice(2));

export interface ModelSpec {
  threats: number;
  mitigations: number;
  tasks: number;
  /** Share of threats retired after their mitigations were written. */
  retiredShare: number;
  seed: number;
}

export interface SeededModel {
  threats: number;
  mitigations: number;
  shards: number;
  tasks: number;
  /** Tasks placed in each benchmark sprint, by sprint id. */
  tasksInSprint: Map<number, number>;
  tasksInOtherSprint: number;
  writeMs: number;
}

const TASK_STATUS: Record<string, string> = {
  'To Do': '10000',
  'In Progress': '3',
  'In Review': '10001',
  Done: '10002',
};
const CATEGORY = {
  'To Do': 'new',
  'In Progress': 'indeterminate',
  'In Review': 'indeterminate',
  Done: 'done',
} as const;

function taskStatusFor(status: MitigationStatus, rng: Random): keyof typeof CATEGORY {
  if (status === 'implemented') return 'Done';
  if (status === 'in-progress') return rng.pick(['In Progress', 'In Review'] as const);
  return rng.next() < 0.85 ? 'To Do' : 'In Progress';
}

/**
 * Replaces PAY's threat model with a generated one, written straight into the site's project
 * properties in the app's stored form (writeModelProperties), and creates mitigation tasks
 * straight in the site's store (as bulk-stories does for stories): a share of each benchmark
 * sprint's own work sits in that sprint, some tasks in the demo's active sprint, the rest in
 * the backlog. The model is read back through the app's reader, which must find it whole.
 */
export async function seedBenchModel(site: LocalSite, spec: ModelSpec, sprints: BenchSprint[]): Promise<SeededModel> {
  const rng = random(spec.seed);
  const app = siteClient(site);
  const project = site.store.all('project').find((p) => p.key === 'PAY')!;
  const activeSprint = site.store.all('sprint').find((s) => s.state === 'active' && s.boardId === 1)?.id ?? null;
  const actor = { accountId: '712020:alice', now: '2026-10-01T09:00:00.000Z' };
  const tasksInSprint = new Map<number, number>();
  let tasksInOtherSprint = 0;
  const started = performance.now();

  const build = (stored: ThreatModel): ThreatModel => {
    // Each record through the app's own domain functions, but added to a model of only what the
    // function looks at: adding 15,000 records to the growing model would copy it 15,000 times.
    const base: ThreatModel = { ...emptyThreatModel(), settings: stored.settings };
    const threats: Threat[] = [];
    for (let i = 1; i <= spec.threats; i++)
      threats.push(addThreat({ ...base, nextThreatNumber: i }, threatDraft(i, rng), actor).threat);
    const mitigations: Mitigation[] = [];
    for (let i = 1; i <= spec.mitigations; i++) {
      const draft = mitigationDraft(i, spec.threats, rng);
      const addressed = draft.addresses.map((a) => threats[recordNumber(a.threatId) - 1]!);
      const own = { ...base, threats: addressed, nextMitigationNumber: i };
      mitigations.push(addMitigation(own, draft, actor).mitigation);
    }
    let model: ThreatModel = {
      ...base,
      threats,
      mitigations,
      nextThreatNumber: spec.threats + 1,
      nextMitigationNumber: spec.mitigations + 1,
    };
    // Which mitigations get a task, and where the task sits.
    const eligible = model.mitigations.filter((m) => m.status !== 'rejected' && m.status !== 'existing');
    const taken = new Set<string>();
    const placements: Array<{ mitigationId: string; sprintId: number | null }> = [];
    const take = (mitigationId: string, sprintId: number | null) => {
      if (taken.has(mitigationId) || placements.length >= spec.tasks) return false;
      taken.add(mitigationId);
      placements.push({ mitigationId, sprintId });
      return true;
    };
    for (const sprint of sprints) {
      const own = eligible.filter(
        (m) => m.status !== 'implemented' && m.addresses.some((a) => sprint.threatIds.has(a.threatId)),
      );
      const wanted = Math.max(1, Math.round(sprint.size / 20));
      let placed = 0;
      for (const m of own) if (placed < wanted && take(m.id, sprint.sprintId)) placed++;
      tasksInSprint.set(sprint.sprintId, placed);
    }
    const rest = eligible.filter((m) => !taken.has(m.id));
    while (placements.length < spec.tasks && rest.length > 0) {
      const [m] = rest.splice(rng.int(0, rest.length - 1), 1);
      const inOther = activeSprint !== null && m!.status !== 'implemented' && rng.next() < 0.12;
      if (take(m!.id, inOther ? activeSprint : null) && inOther) tasksInOtherSprint++;
    }

    site.store.transaction(() => {
      for (const { mitigationId, sprintId } of placements) {
        const mitigation = mitigations[recordNumber(mitigationId) - 1]!;
        const statusName = taskStatusFor(mitigation.status, rng);
        const id = site.store.next('issue', 10000);
        const key = `PAY-${site.store.next(`issue-number/${project.id}`)}`;
        site.store.put('issue', id, {
          id,
          key,
          projectId: project.id,
          issueTypeId: '10002',
          statusId: TASK_STATUS[statusName]!,
          summary: `${mitigation.title} (${mitigationId})`,
          description: adfText(mitigation.implementation),
          labels: ['without-mitigation'],
          reporterAccountId: '712020:bob',
          assigneeAccountId: statusName === 'To Do' ? null : '712020:bob',
          created: '2026-10-15T00:00:00.000+0000',
          updated: '2026-10-15T00:00:00.000+0000',
          rank: id,
          sprintId,
          customFields: {},
          properties: {
            [TASK_PROPERTY]: {
              v: 1,
              mitigationId,
              threatIds: mitigation.addresses.map((a) => a.threatId),
              projectKey: 'PAY',
            },
          },
        });
        // The task recorded and followed on a model of the one mitigation (see above), put back in place.
        const one = { ...model, mitigations: [mitigation] };
        const attached = attachTask(one, mitigationId, { id: String(id), key }, actor).model;
        const followed = followTaskStatus(
          attached,
          mitigationId,
          statusFromTask({ statusName, categoryKey: CATEGORY[statusName] }),
          actor,
        ).model.mitigations[0]!;
        mitigations[recordNumber(mitigationId) - 1] = followed;
      }
    });

    // A few threats retired since (their mitigations stay, as in a real model).
    for (const n of rng.distinct(Math.round(spec.threats * spec.retiredShare), spec.threats))
      model = setThreatState(model, `T-${n}`, 1, 'retired', actor).model;
    return model;
  };

  const stored = await readThreatModel(app, 'PAY');
  const built = build(stored.model);
  writeModelProperties(site, project.id, { ...built, settings: stored.model.settings }, stored.metaRevision + 1);
  const writeMs = performance.now() - started;
  const read = await readThreatModel(app, 'PAY');
  if (read.problems.length > 0)
    throw new Error(`The generated model does not read back cleanly: ${read.problems.join(' ')}`);
  if (read.model.threats.length !== spec.threats || read.model.mitigations.length !== spec.mitigations) {
    throw new Error(
      `The generated model reads back with ${read.model.threats.length} threats and ${read.model.mitigations.length} mitigations.`,
    );
  }
  return {
    threats: read.model.threats.length,
    mitigations: read.model.mitigations.length,
    shards: read.shards.length,
    tasks: read.model.mitigations.filter((m) => m.task !== null).length,
    tasksInSprint,
    tasksInOtherSprint,
    writeMs,
  };
}

/**
 * The model as the app stores it (threat-model-shards: records packed into shards, then the meta
 * naming them), put into the site's project properties in one transaction, in place of the
 * project's model. A seed, not the app: no lease, no REST round trips, so 5,000 threats and
 * 10,000 mitigations take seconds. Records are packed into fresh shards directly (the
 * app's packShards measures every fill by deflating, which is slow at this size); each shard is
 * checked against the app's limit.
 */
export function writeModelProperties(site: LocalSite, projectId: number, model: ThreatModel, revision: number): number {
  const records: ModelRecord[] = [...model.threats, ...model.mitigations];
  const shards = packFresh(records);
  const meta: MetaValue = {
    v: 1,
    nextThreatNumber: model.nextThreatNumber,
    nextMitigationNumber: model.nextMitigationNumber,
    settings: model.settings,
    revision,
    shards: shards.map((_, index) => index),
  };
  const put = (key: string, value: unknown) =>
    site.store.put('projectProperty', `${projectId}/${key}`, { projectId, key, value });
  site.store.transaction(() => {
    for (const property of site.store.all('projectProperty'))
      if (property.projectId === projectId && property.key.startsWith(SHARD_PREFIX))
        site.store.delete('projectProperty', `${projectId}/${property.key}`);
    shards.forEach((value, index) => put(shardKey(index), value));
    put(META_KEY, meta);
  });
  return shards.length;
}

/**
 * Fresh shards filled to about the app's target, by the records' JSON size; each is encoded once
 * and one over the app's limit is split. (The app's packShards finds each fill by deflating
 * candidate sets: right for an edit, minutes for 15,000 new records.)
 */
function packFresh(records: ModelRecord[]): ShardValue[] {
  const shards: ShardValue[] = [];
  const add = (list: ModelRecord[]) => {
    const encoded = encodeShard(list, 1);
    if (JSON.stringify(encoded).length <= SHARD_LIMIT || list.length === 1) shards.push(encoded);
    else {
      add(list.slice(0, Math.ceil(list.length / 2)));
      add(list.slice(Math.ceil(list.length / 2)));
    }
  };
  let current: ModelRecord[] = [];
  let json = 0;
  for (const record of records) {
    const size = JSON.stringify(record).length;
    if (current.length > 0 && json + size > JSON_PER_SHARD) {
      add(current);
      current = [];
      json = 0;
    }
    current.push(record);
    json += size;
  }
  if (current.length > 0) add(current);
  return shards;
}

/** Generated prose deflates to about a quarter: some 22,000 characters of a shard's 30,000. */
const JSON_PER_SHARD = 80_000;
