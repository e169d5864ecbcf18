import type { LocalIssue, StatusCategoryKey } from '../model';
import { indexByNames, lookUp, type NameIndex } from './catalog-index';
import { withoutArguments } from './field-functions';
import { defineField, type FieldFunction, type FieldSpec, type Scalar } from './field-spec';
import type { JqlCatalog } from './jql-catalog';

// Fields whose values are records of the site: a value must name an existing record
// (by key, name or id), or Jira rejects the query.

function lookupField(
  index: NameIndex,
  valueOf: (issue: LocalIssue) => Scalar | undefined,
  functions?: Array<[string, FieldFunction]>,
): FieldSpec {
  const values = (issue: LocalIssue) => {
    const value = valueOf(issue);
    return value === undefined ? [] : [value];
  };
  return defineField({
    isEmpty: (issue) => valueOf(issue) === undefined,
    values,
    resolve: (raw, field) => lookUp(index, raw, field),
    ...(functions ? { functions: new Map(functions) } : {}),
  });
}

export const projectField = (catalog: JqlCatalog) =>
  lookupField(
    indexByNames(
      catalog.projects,
      (p) => [p.key, p.name, p.id],
      (p) => p.id,
    ),
    (issue) => issue.projectId,
  );

export const statusField = (catalog: JqlCatalog) =>
  lookupField(
    indexByNames(
      catalog.statuses,
      (s) => [s.name, s.id],
      (s) => s.id,
    ),
    (issue) => issue.statusId,
  );

export function issueTypeField(catalog: JqlCatalog): FieldSpec {
  const idsWhere = (subtask: boolean) => () => catalog.issueTypes.filter((t) => t.subtask === subtask).map((t) => t.id);
  return lookupField(
    indexByNames(
      catalog.issueTypes,
      (t) => [t.name, t.id],
      (t) => t.id,
    ),
    (issue) => issue.issueTypeId,
    [withoutArguments('standardIssueTypes', idsWhere(false)), withoutArguments('subTaskIssueTypes', idsWhere(true))],
  );
}

const STATUS_CATEGORIES: Array<{ key: StatusCategoryKey; names: Array<string | number> }> = [
  { key: 'new', names: ['new', 'To Do', 2] },
  { key: 'indeterminate', names: ['indeterminate', 'In Progress', 4] },
  { key: 'done', names: ['done', 'Done', 3] },
];

export function statusCategoryField(catalog: JqlCatalog): FieldSpec {
  const categoryOf = new Map(catalog.statuses.map((s) => [s.id, s.category]));
  return lookupField(
    indexByNames(
      STATUS_CATEGORIES,
      (c) => c.names,
      (c) => c.key,
    ),
    (issue) => categoryOf.get(issue.statusId),
  );
}

export function sprintField(catalog: JqlCatalog): FieldSpec {
  const byName = indexByNames(
    catalog.sprints,
    (s) => [s.name],
    (s) => s.id,
  );
  const ids = new Set(catalog.sprints.map((s) => s.id));
  const idsWhere = (states: string[]) => () => catalog.sprints.filter((s) => states.includes(s.state)).map((s) => s.id);
  const spec = lookupField(byName, (issue) => issue.sprintId ?? undefined, [
    withoutArguments('openSprints', idsWhere(['active', 'future'])),
    withoutArguments('futureSprints', idsWhere(['future'])),
    withoutArguments('closedSprints', idsWhere(['closed'])),
  ]);
  // Jira reads a number as a sprint id first, and only then as a sprint name.
  const resolve = (raw: string, field: string) =>
    /^\d+$/.test(raw) && ids.has(Number(raw)) ? [Number(raw)] : lookUp(byName, raw, field);
  return { ...spec, resolve };
}
