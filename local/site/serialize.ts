import type {
  LocalBoard,
  LocalIssue,
  LocalIssueType,
  LocalProject,
  LocalSprint,
  LocalStatus,
  LocalUser,
} from './model';
import type { LocalIssueLink, Store } from './store';
import { canSeeIssue, securityLevelJson } from './security-levels';

// Turns the site's records into the JSON shapes of Jira Cloud's REST API, as documented in
// ../../shared/jira-openapi (the contract test validates every answer against it).

export const SPRINT_FIELD_ID = 'customfield_10020';

const CATEGORY: Record<LocalStatus['category'], { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export const userJson = (user: LocalUser, baseUrl: string) => ({
  self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  accountType: user.accountType,
  ...(user.accountType === 'atlassian' ? { emailAddress: user.email } : {}),
  displayName: user.displayName,
  active: true,
  timeZone: 'Etc/UTC',
  locale: 'en_US',
  avatarUrls: avatarUrls(baseUrl),
});

const avatarUrls = (baseUrl: string) => ({
  '16x16': `${baseUrl}/avatar/16.png`,
  '24x24': `${baseUrl}/avatar/24.png`,
  '32x32': `${baseUrl}/avatar/32.png`,
  '48x48': `${baseUrl}/avatar/48.png`,
});

export const projectJson = (project: LocalProject, store: Store, baseUrl: string, withLead = true) => {
  const lead = store.get('user', project.leadAccountId);
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: String(project.id),
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    avatarUrls: avatarUrls(baseUrl),
    ...(withLead && lead ? { lead: userJson(lead, baseUrl) } : {}),
  };
};

export const issueTypeJson = (type: LocalIssueType, baseUrl: string) => ({
  self: `${baseUrl}/rest/api/3/issuetype/${type.id}`,
  id: type.id,
  name: type.name,
  description: '',
  iconUrl: `${baseUrl}/icons/${type.name.toLowerCase()}.svg`,
  subtask: type.subtask,
  hierarchyLevel: type.hierarchyLevel,
});

export const statusJson = (status: LocalStatus, baseUrl: string) => {
  const category = CATEGORY[status.category];
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    id: status.id,
    name: status.name,
    description: '',
    iconUrl: `${baseUrl}/icons/status.png`,
    statusCategory: {
      self: `${baseUrl}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key: status.category,
      name: category.name,
      colorName: category.colorName,
    },
  };
};

export const sprintJson = (sprint: LocalSprint, baseUrl: string) => ({
  id: sprint.id,
  self: `${baseUrl}/rest/agile/1.0/sprint/${sprint.id}`,
  state: sprint.state,
  name: sprint.name,
  originBoardId: sprint.boardId,
  goal: sprint.goal,
  ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
  ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
  ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
});

export const boardJson = (board: LocalBoard, store: Store, baseUrl: string) => {
  const owner = board.location?.type === 'user' ? store.get('user', board.location.accountId) : undefined;
  if (board.location?.type === 'user') {
    // A person's board: located with its owner, in no project.
    const name = owner?.displayName ?? 'Former user';
    return {
      id: board.id,
      self: `${baseUrl}/rest/agile/1.0/board/${board.id}`,
      name: board.name,
      type: board.type,
      location: { userAccountId: board.location.accountId, displayName: name, name },
    };
  }
  const project = store.get('project', board.projectId);
  return {
    id: board.id,
    self: `${baseUrl}/rest/agile/1.0/board/${board.id}`,
    name: board.name,
    type: board.type,
    ...(project
      ? {
          location: {
            projectId: project.id,
            projectKey: project.key,
            projectName: project.name,
            displayName: `${project.name} (${project.key})`,
            projectTypeKey: 'software',
            name: `${project.name} (${project.key})`,
          },
        }
      : {}),
  };
};

const issueRef = (issue: LocalIssue, store: Store, baseUrl: string) => {
  const status = store.get('status', issue.statusId);
  const type = store.get('issueType', issue.issueTypeId);
  return {
    id: String(issue.id),
    key: issue.key,
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      ...(status ? { status: statusJson(status, baseUrl) } : {}),
      ...(type ? { issuetype: issueTypeJson(type, baseUrl) } : {}),
    },
  };
};

export const issueLinkJson = (link: LocalIssueLink, viewpoint: LocalIssue, store: Store, baseUrl: string) => {
  const type = store.get('linkType', link.typeId);
  const outward = link.inwardIssueId === viewpoint.id;
  const otherId = outward ? link.outwardIssueId : link.inwardIssueId;
  const other = store.get('issue', otherId);
  return {
    id: link.id,
    self: `${baseUrl}/rest/api/3/issueLink/${link.id}`,
    type: type
      ? {
          id: type.id,
          name: type.name,
          inward: type.inward,
          outward: type.outward,
          self: `${baseUrl}/rest/api/3/issueLinkType/${type.id}`,
        }
      : undefined,
    ...(other ? { [outward ? 'outwardIssue' : 'inwardIssue']: issueRef(other, store, baseUrl) } : {}),
  };
};

/**
 * Every field of an issue in REST form, by field id, as `viewer` reads it: a link to an issue the
 * viewer cannot see (security level, project) is left out of `issuelinks`, as Jira leaves it out.
 */
export function allIssueFields(
  issue: LocalIssue,
  store: Store,
  baseUrl: string,
  viewer: LocalUser,
): Record<string, unknown> {
  const project = store.get('project', issue.projectId);
  const type = store.get('issueType', issue.issueTypeId);
  const status = store.get('status', issue.statusId);
  const reporter = store.get('user', issue.reporterAccountId);
  const creator = store.get('user', issue.creatorAccountId ?? issue.reporterAccountId);
  const assignee = issue.assigneeAccountId ? store.get('user', issue.assigneeAccountId) : undefined;
  const sprint = issue.sprintId !== null ? store.get('sprint', issue.sprintId) : undefined;
  const links = store.all('link').filter((l) => {
    if (l.inwardIssueId !== issue.id && l.outwardIssueId !== issue.id) return false;
    const other = store.get('issue', l.inwardIssueId === issue.id ? l.outwardIssueId : l.inwardIssueId);
    return other !== undefined && canSeeIssue(store, viewer, other);
  });
  const level = issue.securityLevelId !== undefined ? store.get('securityLevel', issue.securityLevelId) : undefined;
  const fields: Record<string, unknown> = {
    summary: issue.summary,
    description: issue.description ?? null,
    issuetype: type ? issueTypeJson(type, baseUrl) : null,
    project: project ? projectJson(project, store, baseUrl, false) : null,
    status: status ? statusJson(status, baseUrl) : null,
    labels: issue.labels,
    created: issue.created,
    updated: issue.updated,
    reporter: reporter ? userJson(reporter, baseUrl) : null,
    creator: creator ? userJson(creator, baseUrl) : null,
    assignee: assignee ? userJson(assignee, baseUrl) : null,
    issuelinks: links.map((l) => issueLinkJson(l, issue, store, baseUrl)),
    // Jira's `security` field: the issue's level ({ self, id, name, description }), or null when
    // it has none (answered, like the other unset system fields, whenever the field is selected).
    security: level ? securityLevelJson(level, baseUrl) : null,
    [SPRINT_FIELD_ID]: sprint ? [{ ...sprintJson(sprint, baseUrl), boardId: sprint.boardId }] : null,
  };
  for (const field of store.all('customField')) fields[field.id] = issue.customFields[field.id] ?? null;
  return fields;
}

/**
 * Picks fields the way Jira reads the `fields` parameter: `*all`, `*navigable`, names,
 * `-name` to exclude. `defaultAll` is true for GET issue and false for JQL search (id only).
 */
export function selectFields(
  all: Record<string, unknown>,
  requested: string[],
  defaultAll: boolean,
): Record<string, unknown> | undefined {
  const include = requested.filter((f) => f && !f.startsWith('-'));
  const exclude = new Set(requested.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const wantsAll = include.length === 0 ? defaultAll : include.some((f) => f === '*all' || f === '*navigable');
  if (!wantsAll && (include.length === 0 || include.every((f) => f === 'id'))) return undefined;
  const picked: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(all)) {
    if (exclude.has(id)) continue;
    if (wantsAll || include.includes(id)) picked[id] = value;
  }
  return picked;
}

export function issueJson(
  issue: LocalIssue,
  store: Store,
  baseUrl: string,
  options: { fields: string[]; properties: string[]; defaultAllFields: boolean; viewer: LocalUser },
) {
  const fields = selectFields(
    allIssueFields(issue, store, baseUrl, options.viewer),
    options.fields,
    options.defaultAllFields,
  );
  const wantedProps = options.properties.includes('*all') ? Object.keys(issue.properties) : options.properties;
  const properties: Record<string, unknown> = {};
  for (const key of wantedProps) if (key in issue.properties) properties[key] = issue.properties[key];
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: String(issue.id),
    self: `${baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    ...(fields ? { fields } : {}),
    ...(options.properties.length > 0 ? { properties } : {}),
  };
}

/** Splits Jira's list parameters, which come comma-separated, repeated, or both. */
export const listParam = (values: string[]): string[] =>
  values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
