import { route } from '@forge/api';
import { z } from 'zod';
import type { TaskSummary } from '../../domain/mitigation/mitigation-view';
import type { SprintChoice, SprintStory } from '../../domain/sprint/sprint-view';
import { readStoryClauses } from '../../domain/story/story-clauses';
import type { TaskSprint } from '../../domain/sprint/sprint-plan';
import type { JiraClient } from '../client/jira-client';
import { jqlString } from '../client/jql';
import { inProject } from '../story/story-scope';
import { TASK_PROPERTY } from '../mitigation/mitigation-task-repository';
import { statusOf, UNKNOWN_STATUS } from '../client/jira-schemas';
import { searchIssues } from '../client/search-issues';
import { documentText, issueNames } from '../story/story-repository';

/** What knowledge-base rules read of a story, beside what the sprint view shows. */
export interface StoryRuleFields {
  issueType: string;
  labels: string[];
  components: string[];
  description: string;
}

export const SprintInfo = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.enum(['active', 'future', 'closed']),
  goal: z.string().nullable().optional(),
  originBoardId: z.number().optional(),
  boardId: z.number().optional(),
});
export type SprintInfo = z.infer<typeof SprintInfo>;

export async function readSprint(user: JiraClient, sprintId: number): Promise<SprintInfo> {
  return user.get(route`/rest/agile/1.0/sprint/${sprintId}`.value, SprintInfo);
}

/** The sprint a value of the Sprint field names (Jira keeps a list; the open one counts). */
export function currentSprint(value: unknown): SprintInfo | undefined {
  const list = z.array(SprintInfo).safeParse(value);
  if (!list.success) return undefined;
  return list.data.find((s) => s.state !== 'closed') ?? list.data.at(-1);
}

/**
 * The sprint's issues in ceil(N/100) requests, each as a story (its clauses) and, when it carries
 * a `without.task` property, as a task (its live status). Which of them really are mitigation
 * tasks only the threat model can say: a property alone proves nothing (see task-evidence).
 */
export async function sprintStories(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
  fields: { clauses: string; sprint: string },
  /** Issues just moved into or out of the sprint (at most 50): search would miss the move. */
  justMoved: string[] = [],
): Promise<{
  stories: SprintStory[];
  tasks: TaskSummary[];
  sprint?: SprintInfo;
  /** By issue id: what the knowledge bases' rules read, to tell which stories need clauses. */
  ruleFields: Map<string, StoryRuleFields>;
}> {
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND sprint = ${sprintId} ORDER BY rank ASC`,
    fields: ['summary', 'status', fields.clauses, fields.sprint, 'issuetype', 'labels', 'components', 'description'],
    properties: [TASK_PROPERTY],
    reconcileIssues: justMoved,
  });
  const sprint = issues.map((i) => currentSprint(i.fields[fields.sprint])).find((s) => s?.id === sprintId);
  const stories = issues.map((i) => {
    const { clauses, directThreatIds } = readStoryClauses(i.fields[fields.clauses]);
    return {
      issueId: i.id,
      issueKey: i.key,
      summary: typeof i.fields.summary === 'string' ? i.fields.summary : '',
      statusName: statusOf(i.fields.status)?.statusName ?? '',
      clauses,
      directThreatIds,
    };
  });
  const tasks = issues
    .filter((i) => i.properties[TASK_PROPERTY] !== undefined)
    .map((i): TaskSummary => ({ id: i.id, key: i.key, ...(statusOf(i.fields.status) ?? UNKNOWN_STATUS) }));
  const ruleFields = new Map(
    issues.map((i): [string, StoryRuleFields] => {
      const type = (i.fields.issuetype as { name?: unknown } | undefined)?.name;
      return [
        i.id,
        {
          issueType: typeof type === 'string' ? type : '',
          labels: issueNames(i.fields.labels),
          components: issueNames(i.fields.components),
          description: documentText(i.fields.description).slice(0, 32_768),
        },
      ];
    }),
  );
  return { stories, tasks, ruleFields, ...(sprint ? { sprint } : {}) };
}

/**
 * Ids of the sprint's issues the project's story scope JQL takes in (the JQL wrapped, inside the
 * project): ids only, one request for up to 5,000.
 */
export async function sprintIssuesInScope(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
  wrappedScope: string,
): Promise<Set<string>> {
  const issues = await searchIssues(user, {
    jql: inProject(projectKey, `sprint = ${sprintId}`, wrappedScope),
    fields: ['id'],
    pageSize: 5000,
  });
  return new Set(issues.map((i) => i.id));
}

/**
 * Ids of the project's mitigation tasks in open sprints other than this one: ids only, so one
 * request answers for up to 5,000 tasks (Jira's page for id-only searches).
 */
export async function tasksInOtherOpenSprints(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
): Promise<Set<string>> {
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY AND sprint in openSprints() AND sprint != ${sprintId}`,
    fields: ['id'],
    pageSize: 5000,
  });
  return new Set(issues.map((i) => i.id));
}

/** Where each task sits, from the Sprint field of the tasks' search. */
export const taskSprintOf = (value: unknown): TaskSprint => {
  const sprint = currentSprint(value);
  return sprint ? { sprintId: sprint.id, sprintName: sprint.name, sprintState: sprint.state } : { sprintId: null };
};

const Boards = z.looseObject({
  values: z.array(
    z.looseObject({
      id: z.number(),
      name: z.string(),
      // A board lives in a project or with a person (location type `user`: userAccountId, no
      // project). https://developer.atlassian.com/cloud/jira/software/rest/api-group-board/#api-rest-agile-1-0-board-get
      location: z.looseObject({ projectKey: z.string().optional(), projectId: z.number().optional() }).optional(),
    }),
  ),
});
const Sprints = z.looseObject({ values: z.array(SprintInfo) });

/**
 * The active and future sprints of the project's boards. Jira lists every board whose filter
 * refers to the project, a person's own board too, and such a board may span other projects and
 * carry their sprints; only boards located in this project count, and only the sprints made
 * on them, each once.
 */
export async function openSprints(user: JiraClient, projectKey: string): Promise<SprintChoice[]> {
  const boards = await user.get(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}`.value, Boards);
  const own = boards.values.filter((b) => b.location?.projectKey?.toUpperCase() === projectKey.toUpperCase());
  const ownIds = new Set(own.map((b) => b.id));
  const perBoard = await Promise.all(
    own.map(async (board) => {
      const sprints = await user.get(
        route`/rest/agile/1.0/board/${board.id}/sprint?state=${'active,future'}`.value,
        Sprints,
      );
      return sprints.values
        .filter((s): s is SprintInfo & { state: 'active' | 'future' } => s.state !== 'closed')
        .filter((s) => s.originBoardId === undefined || ownIds.has(s.originBoardId))
        .map((s) => ({ id: s.id, name: s.name, state: s.state, boardName: board.name }));
    }),
  );
  const unique = new Map(perBoard.flat().map((s) => [s.id, s]));
  return [...unique.values()].sort((a, b) => (a.state === b.state ? a.id - b.id : a.state === 'active' ? -1 : 1));
}

/** Moves issues into a sprint as the person (Jira checks Schedule and Edit issues), 50 at a time. */
export async function moveToSprint(user: JiraClient, sprintId: number, issueKeys: string[]): Promise<void> {
  for (let i = 0; i < issueKeys.length; i += 50) {
    await user.send(route`/rest/agile/1.0/sprint/${sprintId}/issue`.value, {
      method: 'POST',
      body: JSON.stringify({ issues: issueKeys.slice(i, i + 50) }),
    });
  }
}
