import type { AuditInput, AuditStory, AuditTask } from '../../domain/audit/audit-input';
import type { Suppression } from '../../domain/audit/suppression';
import { clausesField, sprintFieldId } from '../story/clauses-field';
import { taskSprintOf } from '../sprint/sprint-repository';
import type { JiraClient } from '../client/jira-client';
import { hasSecurityLevel, type IssueRecord, restrictedOf, statusOf, UNKNOWN_STATUS } from '../client/jira-schemas';
import { hasClausesValue } from '../../domain/audit/restricted-issues';
import { jqlString } from '../client/jql';
import { TASK_LABEL, TASK_PROPERTY } from '../mitigation/mitigation-task-repository';
import { readIssuesById, searchIssues } from '../client/search-issues';
import { withoutLevelNow } from '../client/security-levels-now';
import { readThreatModel } from '../threat-model/threat-model-repository';
import { projectWorkflow } from '../client/permissions';
import { documentText, issueNames } from '../story/story-repository';
import { countedTypesClause, inProject, wrappedScope } from '../story/story-scope';
import { isCountedType } from '../../domain/audit/story-coverage-settings';

export interface AuditReadProgress {
  stage: 'model' | 'stories' | 'tasks';
  stories: number;
  tasks: number;
}

const summaryOf = (fields: Record<string, unknown>) => (typeof fields.summary === 'string' ? fields.summary : '');

/**
 * Everything an audit looks at, by paging JQL with the field and the task property in the
 * answers (never a request per issue): the model, every issue with WITHOUT clauses, and every
 * mitigation task (found by its property or, when someone broke the property, by its label).
 */
export async function readAuditInput(
  client: JiraClient,
  projectKey: string,
  options: {
    now: string;
    suppressions: Suppression[];
    /** Issues just written, which search may not show yet (at most 50 ids). */
    reconcileIssues?: string[];
    onProgress?: (progress: AuditReadProgress) => void | Promise<void>;
    /**
     * Read the security level of every issue search said has none as the issue is now (the app's
     * shared run: see withoutLevelNow); the recorded tasks are read fresh anyway.
     */
    levelsNow?: boolean;
  },
): Promise<AuditInput> {
  const progress = { stage: 'model' as AuditReadProgress['stage'], stories: 0, tasks: 0 };
  const report = () => options.onProgress?.({ ...progress });
  await report();
  const [field, stored, workflow] = await Promise.all([
    clausesField(client),
    readThreatModel(client, projectKey),
    projectWorkflow(client, projectKey),
  ]);
  // Read after the clauses field, from the same field list: no request of its own. A site
  // without Jira Software has no sprints, and nothing is planned by sprint there.
  const sprintField = await sprintFieldId(client).catch(() => undefined);
  const taskFields = (fields: string[]) => (sprintField ? [...fields, sprintField] : fields);
  progress.stage = 'stories';
  await report();
  // Every issue with clauses, and the counted stories without (see StoryCoverageSettings).
  const coverage = stored.model.settings.storyCoverage;
  const hasClauses = `${jqlString(field.name)} IS NOT EMPTY`;
  const types = countedTypesClause(coverage, workflow.issueTypes);
  const scope = wrappedScope(coverage);
  const counted = types && [types, scope].filter(Boolean).join(' AND ');
  // The audit runs as the app: whatever the JQL turned out to mean, an issue of another project
  // is never counted, audited or shown in progress.
  const ofProject = (i: { fields: Record<string, unknown> }) =>
    (i.fields.project as { key?: unknown } | undefined)?.key === projectKey;
  // Progress is stored where everyone who browses the project reads it: a story with a level is
  // counted only when its clauses brought it in, never through the scope JQL an administrator
  // writes (see withoutRestrictedIssues).
  const shown = (i: { fields: Record<string, unknown> }) =>
    !hasSecurityLevel(i.fields) || hasClausesValue(i.fields[field.id]);
  const storyIssues = await searchIssues(client, {
    jql: `${inProject(projectKey, counted ? `(${hasClauses} OR (${counted}))` : hasClauses)} ORDER BY key ASC`,
    fields: ['summary', 'status', field.id, 'issuetype', 'labels', 'components', 'description', 'project', 'security'],
    keep: (i) => {
      if (!ofProject(i)) return false;
      if (shown(i)) progress.stories++;
      return true;
    },
    properties: [TASK_PROPERTY],
    reconcileIssues: options.reconcileIssues ?? [],
    onPage: () => report(),
  });
  progress.stage = 'tasks';
  await report();
  const taskIssues = await searchIssues(client, {
    jql: `project = ${jqlString(projectKey)} AND (labels = ${jqlString(TASK_LABEL)} OR issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY) ORDER BY key ASC`,
    fields: taskFields(['summary', 'status', 'project', 'security']),
    keep: ofProject,
    properties: [TASK_PROPERTY],
    // An issue an audit fix just released (label and property removed) must drop out of this run.
    reconcileIssues: options.reconcileIssues ?? [],
    onPage: (read) => {
      progress.tasks = read;
      return report();
    },
  });
  // Search lags behind writes (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/):
  // a task created or moved on a moment ago may be missing or stale there. The tasks the model
  // records are known by id, so they are read fresh and take the place of what search answered.
  const recordedIds = stored.model.mitigations.flatMap((m) => (m.task ? [m.task.id] : []));
  const fresh = (
    await readIssuesById(client, recordedIds, {
      fields: taskFields(['summary', 'status', 'project', 'labels', 'security']),
      properties: [TASK_PROPERTY],
    })
  ).filter(
    // What the task search asks for: in the project, with the label or the property.
    (i) =>
      ofProject(i) &&
      ((Array.isArray(i.fields.labels) && i.fields.labels.includes(TASK_LABEL)) ||
        i.properties[TASK_PROPERTY] !== undefined),
  );
  // For those ids the fresh read is the answer: one it leaves out (released, moved, deleted, hidden
  // a moment ago) is not a task any more, whatever search still remembers.
  const taskById = new Map(taskIssues.map((i) => [i.id, i]));
  for (const id of recordedIds) taskById.delete(id);
  for (const issue of fresh) taskById.set(issue.id, issue);
  const storyRecords = storyIssues.filter((i) => i.properties[TASK_PROPERTY] === undefined);
  const freshIds = new Set(fresh.map((i) => i.id));
  // What search said has no level, besides the recorded tasks just read fresh (levelsNow).
  const unchecked = [...storyRecords, ...taskById.values()]
    .filter((i) => !freshIds.has(i.id) && !hasSecurityLevel(i.fields))
    .map((i) => i.id);
  const [inScope, withoutLevel] = await Promise.all([
    // With a scope, which of the stories with clauses it takes in: ids only, up to 5,000 a request.
    counted && scope
      ? searchIssues(client, {
          jql: inProject(projectKey, hasClauses, counted),
          // Ids alone (5,000 a page): only intersected with the stories above, which are the project's.
          fields: ['id'],
          pageSize: 5000,
        }).then((issues) => new Set(issues.map((i) => i.id)))
      : undefined,
    options.levelsNow ? withoutLevelNow(client, unchecked) : undefined,
  ]);
  // A level search did not show yet, or an issue the fresh read no longer answers: left out too.
  const restrictedNow = (i: IssueRecord): { restricted?: true } =>
    withoutLevel && !freshIds.has(i.id) && !withoutLevel.has(i.id) ? { restricted: true } : restrictedOf(i.fields);
  const isCounted = (i: (typeof storyIssues)[number], issueType: string): boolean =>
    counted !== undefined &&
    isCountedType(issueType, coverage) &&
    !(Array.isArray(i.fields.labels) && i.fields.labels.includes(TASK_LABEL)) &&
    (!inScope || i.fields[field.id] === undefined || i.fields[field.id] === null || inScope.has(i.id));
  const stories: AuditStory[] = storyRecords.map((i) => {
    const issueType = (i.fields.issuetype as { name?: unknown } | undefined)?.name;
    const type = typeof issueType === 'string' ? issueType : '';
    return {
      id: i.id,
      key: i.key,
      summary: summaryOf(i.fields),
      statusCategory: (statusOf(i.fields.status) ?? UNKNOWN_STATUS).categoryKey,
      clausesValue: i.fields[field.id],
      ...restrictedNow(i),
      ...(isCounted(i, type)
        ? {
            counted: {
              issueType: type,
              labels: issueNames(i.fields.labels),
              components: issueNames(i.fields.components),
              description: documentText(i.fields.description).slice(0, 32_768),
            },
          }
        : {}),
    };
  });
  const tasks: AuditTask[] = [...taskById.values()].map((i) => ({
    id: i.id,
    key: i.key,
    summary: summaryOf(i.fields),
    ...(statusOf(i.fields.status) ?? UNKNOWN_STATUS),
    propertyValue: i.properties[TASK_PROPERTY],
    ...restrictedNow(i),
    ...(sprintField && inOpenSprint(i.fields[sprintField]) ? { inOpenSprint: true } : {}),
  }));
  return {
    projectKey,
    model: stored.model,
    modelProblems: stored.problems,
    stories,
    tasks,
    suppressions: options.suppressions,
    now: options.now,
  };
}

/** Whether a Sprint field value puts the issue in an open sprint (active or future): planned work (isPlanned). */
function inOpenSprint(value: unknown): boolean {
  const where = taskSprintOf(value);
  return typeof where.sprintId === 'number' && where.sprintState !== undefined && where.sprintState !== 'closed';
}
