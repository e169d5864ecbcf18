import { route } from '@forge/api';
import { z } from 'zod';
import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import type { JiraClient } from './jira-client';
import { MyPermissions } from './jira-schemas';

// A role's actors are people (`atlassian-user-role-actor`) or groups
// (`atlassian-group-role-actor`), whose every member holds the role.
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-role-actors/
const ProjectRole = z.looseObject({
  actors: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        actorUser: z.looseObject({ accountId: z.string() }).optional(),
        actorGroup: z.looseObject({ groupId: z.string().optional(), name: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});
const MyselfWithGroups = z.looseObject({
  accountId: z.string(),
  groups: z
    .looseObject({ items: z.array(z.looseObject({ groupId: z.string().optional(), name: z.string() })) })
    .optional(),
});

/** The caller's project permissions, as Jira answers them for the caller (never the frontend). */
export async function projectPermissions(
  user: JiraClient,
  projectKey: string,
  keys: string[],
): Promise<Record<string, boolean>> {
  const answer = await user.get(
    route`/rest/api/3/mypermissions?projectKey=${projectKey}&permissions=${keys.join(',')}`.value,
    MyPermissions,
  );
  return Object.fromEntries(keys.map((k) => [k, answer.permissions[k]?.havePermission === true]));
}

/** The caller's permissions on one issue, named by its id (digits) or its key (PAY-12). */
export async function issuePermissions(
  user: JiraClient,
  issueIdOrKey: string,
  keys: string[],
): Promise<Record<string, boolean>> {
  // mypermissions takes `issueId` or `issueKey`, not either in one parameter.
  const permissions = keys.join(',');
  const answer = /^\d+$/.test(issueIdOrKey)
    ? await user.get(
        route`/rest/api/3/mypermissions?issueId=${issueIdOrKey}&permissions=${permissions}`.value,
        MyPermissions,
      )
    : await user.get(
        route`/rest/api/3/mypermissions?issueKey=${issueIdOrKey}&permissions=${permissions}`.value,
        MyPermissions,
      );
  return Object.fromEntries(keys.map((k) => [k, answer.permissions[k]?.havePermission === true]));
}

type ProjectRole = z.infer<typeof ProjectRole>;
type MyselfWithGroups = z.infer<typeof MyselfWithGroups>;

/**
 * Reads of the roles, and of the person's groups, sent before the settings that name them are
 * read (beside the model, with the roles the settings named last time): canEditThreatModel uses a
 * read only for a role the settings it is given still name, so a guess that is wrong costs a
 * request, never a wrong answer.
 */
export interface EarlyEditorReads {
  roles: Map<string, Promise<ProjectRole>>;
  myself?: Promise<MyselfWithGroups>;
}

export function startEditorReads(
  user: JiraClient,
  app: JiraClient,
  projectKey: string,
  guess: { editorRoleIds: string[]; editorGroupIds: string[] },
): EarlyEditorReads {
  const quiet = <T>(read: Promise<T>) => {
    read.catch(() => undefined); // awaited by the check, if it needs it; else unused
    return read;
  };
  const roles = new Map(
    guess.editorRoleIds.map((id) => [
      id,
      quiet(app.get(route`/rest/api/3/project/${projectKey}/role/${id}`.value, ProjectRole)),
    ]),
  );
  const myself =
    guess.editorGroupIds.length > 0
      ? quiet(user.get(route`/rest/api/3/myself?expand=${'groups'}`.value, MyselfWithGroups))
      : undefined;
  return { roles, ...(myself ? { myself } : {}) };
}

/**
 * Whether a person may edit the project's threat model: project administrators, and members
 * of the roles or groups the settings name. Role membership is read as the app, since Jira
 * shows role members only to administrators. `early`: reads already sent (startEditorReads).
 */
export async function canEditThreatModel(
  user: JiraClient,
  app: JiraClient,
  who: { projectKey: string; accountId: string; isProjectAdmin?: boolean },
  settings: ThreatModelSettings,
  early?: EarlyEditorReads,
): Promise<boolean> {
  const { projectKey, accountId } = who;
  const isAdmin =
    who.isProjectAdmin ?? (await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS'])).ADMINISTER_PROJECTS;
  if (isAdmin) return true;
  const roles = await Promise.all(
    settings.editorRoleIds.map(
      (id) => early?.roles.get(id) ?? app.get(route`/rest/api/3/project/${projectKey}/role/${id}`.value, ProjectRole),
    ),
  );
  const actors = roles.flatMap((r) => r.actors);
  if (actors.some((a) => a.actorUser?.accountId === accountId)) return true;
  const roleGroups = actors.flatMap((a) => (a.actorGroup ? [a.actorGroup] : []));
  if (roleGroups.length === 0 && settings.editorGroupIds.length === 0) return false;
  const me = await (early?.myself ?? user.get(route`/rest/api/3/myself?expand=${'groups'}`.value, MyselfWithGroups));
  const mine = me.groups?.items ?? [];
  const isMine = (group: { groupId?: string | undefined; name?: string | undefined }) =>
    mine.some((g) =>
      group.groupId !== undefined && g.groupId !== undefined ? g.groupId === group.groupId : g.name === group.name,
    );
  return roleGroups.some(isMine) || settings.editorGroupIds.some((groupId) => isMine({ groupId }));
}

const RoleLinks = z.record(z.string(), z.string());
const GroupPage = z.looseObject({
  values: z.array(z.looseObject({ groupId: z.string(), name: z.string() })),
  isLast: z.boolean().optional(),
});
/** Pages of the site's groups read at most (50 each): a safety bound. */
const MAX_GROUP_PAGES = 40;

/** The roles of a project, for the settings page. */
export async function projectRoles(user: JiraClient, projectKey: string): Promise<Array<{ id: string; name: string }>> {
  const links = await user.get(route`/rest/api/3/project/${projectKey}/role`.value, RoleLinks);
  return Object.entries(links)
    .map(([name, url]) => ({ id: url.split('/').pop() ?? '', name }))
    .filter((r) => /^\d+$/.test(r.id))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every group of the site, page by page (Jira answers at most 50 a page). */
export async function siteGroups(app: JiraClient): Promise<Array<{ id: string; name: string }>> {
  const groups: Array<{ id: string; name: string }> = [];
  for (let pageIndex = 0; pageIndex < MAX_GROUP_PAGES; pageIndex++) {
    const page = await app.get(
      route`/rest/api/3/group/bulk?startAt=${groups.length}&maxResults=${50}`.value,
      GroupPage,
    );
    groups.push(...page.values.map((g) => ({ id: g.groupId, name: g.name })));
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return groups;
}

const IssueTypesWithStatus = z.array(
  z.looseObject({
    name: z.string(),
    subtask: z.boolean().optional(),
    statuses: z.array(
      z.looseObject({
        name: z.string(),
        statusCategory: z.looseObject({ key: z.enum(['new', 'indeterminate', 'done', 'undefined']) }),
      }),
    ),
  }),
);

/** The project's issue types and workflow statuses, in one request. */
export async function projectWorkflow(user: JiraClient, projectKey: string) {
  const types = await user.get(route`/rest/api/3/project/${projectKey}/statuses`.value, IssueTypesWithStatus);
  const statuses = new Map<string, 'new' | 'indeterminate' | 'done'>();
  for (const type of types)
    for (const s of type.statuses) if (s.statusCategory.key !== 'undefined') statuses.set(s.name, s.statusCategory.key);
  return {
    issueTypes: types.filter((t) => !t.subtask).map((t) => t.name),
    statuses: [...statuses].map(([name, categoryKey]) => ({ name, categoryKey })),
  };
}
