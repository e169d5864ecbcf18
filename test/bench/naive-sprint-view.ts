import { route } from '@forge/api';
import { z } from 'zod';
import { Mitigation } from '../../src/domain/mitigation/mitigation';
import { mitigationView } from '../../src/domain/mitigation/mitigation-view';
import type { SprintStory, TaskSummary } from '../../src/contract';
import { planSprint, type SprintPlan, type TaskSprint } from '../../src/domain/sprint/sprint-plan';
import { readStoryClauses } from '../../src/domain/story/story-clauses';
import { Threat } from '../../src/domain/threat-model/threat';
import { emptyThreatModel, type ThreatModel } from '../../src/domain/threat-model/threat-model';
import { projectPermissions } from '../../src/jira/client/permissions';
import type { JiraClient } from '../../src/jira/client/jira-client';
import { IssueRecord } from '../../src/jira/client/jira-schemas';
import { jqlString } from '../../src/jira/client/jql';
import { TASK_PROPERTY } from '../../src/jira/mitigation/mitigation-task-repository';
import { getProperty, listProjectPropertyKeys, projectEntity } from '../../src/jira/client/entity-properties';
import { searchIssues } from '../../src/jira/client/search-issues';
import { readSprint, taskSprintOf, type SprintInfo } from '../../src/jira/sprint/sprint-repository';
import { META_KEY, MetaValue, decodeShard, shardIndex } from '../../src/jira/threat-model/threat-model-shards';

// The sprint view the way an app without this design gets it: search only the ids, then
// one GET per issue for what it needs (clauses, status, sprint, task property), and the
// threat model by listing the project's properties and reading each. Same JiraClient (zod,
// retries), same planning (planSprint), so the difference measured is the access pattern.

export interface NaiveOptions {
  projectKey: string;
  sprintId: number;
  /** Field ids, resolved once outside the measurement (the naive app is allowed a cache too). */
  fields: { clauses: string; sprint: string };
  /** GETs in flight at once: a sensible app does not fire 2,000 at the same moment. */
  concurrency: number;
}

export interface NaiveView {
  sprint: SprintInfo;
  stories: SprintStory[];
  plan: SprintPlan;
  permissions: Record<string, boolean>;
}

const Status = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: z.enum(['new', 'indeterminate', 'done']) }),
});

async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const getIssue = (client: JiraClient, id: string, fields: string[], properties: string[]) =>
  client.get(
    route`/rest/api/3/issue/${id}?fields=${fields.join(',')}&properties=${properties.join(',')}`.value,
    IssueRecord,
  );

/** The model from its properties: list the keys, GET every one of the app's model keys. */
async function naiveModel(client: JiraClient, projectKey: string, concurrency: number): Promise<ThreatModel> {
  const keys = (await listProjectPropertyKeys(client, projectKey)).filter(
    (k) => k === META_KEY || shardIndex(k) !== undefined,
  );
  const values = await mapLimit(keys, concurrency, (key) => getProperty(client, projectEntity(projectKey), key));
  const base = emptyThreatModel();
  const model: ThreatModel = { ...base, threats: [], mitigations: [] };
  keys.forEach((key, i) => {
    if (key === META_KEY) {
      const meta = MetaValue.safeParse(values[i]);
      if (meta.success)
        Object.assign(model, {
          settings: meta.data.settings,
          nextThreatNumber: meta.data.nextThreatNumber,
          nextMitigationNumber: meta.data.nextMitigationNumber,
        });
      return;
    }
    const shard = decodeShard(values[i]);
    if ('error' in shard) return;
    for (const raw of shard.entries) {
      const id = (raw as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      if (id.startsWith('M-')) {
        const parsed = Mitigation.safeParse(raw);
        if (parsed.success) model.mitigations.push(parsed.data);
      } else {
        const parsed = Threat.safeParse(raw);
        if (parsed.success) model.threats.push(parsed.data);
      }
    }
  });
  const byNumber = (a: { id: string }, b: { id: string }) => Number(a.id.slice(2)) - Number(b.id.slice(2));
  return { ...model, threats: [...model.threats].sort(byNumber), mitigations: [...model.mitigations].sort(byNumber) };
}

export async function naiveSprintView(client: JiraClient, options: NaiveOptions): Promise<NaiveView> {
  const { projectKey, sprintId, fields, concurrency } = options;
  const project = jqlString(projectKey);
  const [sprintIds, sprint, model, taskIds, permissions] = await Promise.all([
    searchIssues(client, {
      jql: `project = ${project} AND sprint = ${sprintId} ORDER BY rank ASC`,
      fields: ['id'],
      pageSize: 5000,
    }),
    readSprint(client, sprintId),
    naiveModel(client, projectKey, concurrency),
    searchIssues(client, {
      jql: `project = ${project} AND issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY`,
      fields: ['id'],
      pageSize: 5000,
    }),
    projectPermissions(client, projectKey, ['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'CREATE_ISSUES', 'LINK_ISSUES']),
  ]);

  // One GET per issue of the sprint (tasks in the sprint included: only the property tells).
  const sprintIssues = await mapLimit(sprintIds, concurrency, (i) =>
    getIssue(client, i.id, ['summary', 'status', fields.clauses], [TASK_PROPERTY]),
  );
  const stories: SprintStory[] = sprintIssues
    .filter((i) => i.properties[TASK_PROPERTY] === undefined)
    .map((i) => {
      const { clauses, directThreatIds } = readStoryClauses(i.fields[fields.clauses]);
      const status = Status.safeParse(i.fields.status);
      return {
        issueId: i.id,
        issueKey: i.key,
        summary: typeof i.fields.summary === 'string' ? i.fields.summary : '',
        statusName: status.success ? status.data.name : '',
        clauses,
        directThreatIds,
      };
    });

  // One GET per task for its status, sprint and property.
  const tasks = await mapLimit(taskIds, concurrency, (i) =>
    getIssue(client, i.id, ['status', fields.sprint], [TASK_PROPERTY]),
  );
  const summaries = new Map<string, TaskSummary>();
  const taskSprints = new Map<string, TaskSprint>();
  for (const task of tasks) {
    const status = Status.safeParse(task.fields.status);
    summaries.set(task.id, {
      id: task.id,
      key: task.key,
      statusName: status.success ? status.data.name : 'Unknown',
      categoryKey: status.success ? status.data.statusCategory.key : 'new',
    });
    taskSprints.set(task.id, taskSprintOf(task.fields[fields.sprint]));
  }
  const mitigations = model.mitigations.map((m) => mitigationView(m, summaries, model.settings.statusMapping));
  const plan = planSprint({
    sprintId,
    stories,
    threats: model.threats,
    mitigations,
    taskSprints,
    risk: model.settings.risk,
  });
  return { sprint, stories, plan, permissions };
}
