import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { LocalSite } from '../site/server';
import type { LocalUser } from '../site/model';
import { APP_ACCOUNT_ID, DEMO_USERS } from '../site/base-data';
import { hasProjectPermission } from '../site/permissions';
import { canSeeIssue } from '../site/security-levels';
import { createConsent, type Consent } from './consent';
import { createInvoker } from './invoke';
import type { ForgeLimits } from './limits';
import type { LoadedManifest, UiModule } from './manifest';
import {
  backlogPage,
  createIssuePage,
  issuePage,
  issuesPage,
  layout,
  messagePage,
  projectAppPage,
  type FrameSpec,
  type PageShell,
} from './pages';
import { installForgeRuntime } from './runtime';
import { createHostClock, installHostClock, type HostClock } from './clock';
import { contentType, injectBridge, readUnder } from './static-files';
import { deliverSiteEvents } from './triggers';

const USER_COOKIE = 'local_jira_user';
const PUBLIC_DIR = path.join(__dirname, 'public');

export interface ForgeHost {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Resolves when every trigger started so far has finished (tests wait on it). */
  idle(): Promise<void>;
  /**
   * Runs a scheduled trigger of manifest.yml now, as Forge does on its interval: its function as
   * the app, within its time (55 s, or its function's `timeoutSeconds`); rejects when it timed out.
   */
  runScheduledTrigger(key: string): Promise<void>;
  /** The limits this host enforces (limits.ts). */
  limits: ForgeLimits;
  /** The app's clock (clock.ts): tests and demos move it forward, also with PUT /_local/clock {"now": ISO}. */
  clock: HostClock;
}

export interface ForgeHostOptions {
  /** Who has allowed the app to act as them (default: everyone). */
  consent?: Consent;
  /** This site's installation id; give each host of one process its own (default: local). */
  installationId?: string;
  /** Forge's limits (run time, payload and answer sizes); tests give tiny ones. Default: Forge's. */
  limits?: Partial<ForgeLimits>;
  /**
   * The app's issue panels: 'pre-added' shows them on every issue as if someone had added them
   * (the default, for tests that open an issue and expect the panel); 'after-add' is Jira's
   * behaviour: an "Add" button until someone adds the panel on that issue.
   * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-panel
   */
  issuePanels?: 'pre-added' | 'after-add';
}

/** The local Forge host: Jira-like pages that load the app's Custom UI, and its backend. */
export function createForgeHost(site: LocalSite, manifest: LoadedManifest, options: ForgeHostOptions = {}): ForgeHost {
  const consent = options.consent ?? createConsent();
  installForgeRuntime(site, manifest.manifest.app.id, { consent });
  const clock = createHostClock();
  installHostClock(clock);
  const installationId = options.installationId ?? 'local';
  const invoker = createInvoker(manifest, { site, installationId, consent }, options.limits);
  const triggers = deliverSiteEvents(site, manifest, invoker);
  const users = () => site.store.all('user').filter((u) => u.accountType === 'atlassian');
  // Panels added per issue ("issueId moduleKey"), and those just added, whose next view is told
  // isNewToIssue, as Jira tells a panel the first time it shows after the "Add" button.
  const addedPanels = new Set<string>();
  const newlyAdded = new Set<string>();
  const panelShown = (issueId: number, moduleKey: string) =>
    options.issuePanels !== 'after-add' || addedPanels.has(`${issueId} ${moduleKey}`);

  const actingUser = (req: IncomingMessage): LocalUser => {
    const cookie = /(?:^|;\s*)local_jira_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const chosen = cookie ? site.store.get('user', decodeURIComponent(cookie)) : undefined;
    return chosen && chosen.accountType === 'atlassian'
      ? chosen
      : (site.store.get('user', DEMO_USERS[0]!.accountId) as LocalUser);
  };

  /** Calls the local site's REST API as a person, exactly as Jira's own frontend would. */
  const jiraAs = async (
    user: LocalUser,
    restPath: string,
    init: { method?: string; body?: string | null; headers?: Array<[string, string]> } = {},
  ) => {
    const headers = new Headers(init.headers ?? []);
    headers.set('Authorization', `Bearer ${site.auth.tokenFor(user.accountId)}`);
    const response = await fetch(`${site.url}${restPath}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body ? { body: init.body } : {}),
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers.entries()),
      body: await response.text(),
    };
  };

  const projectPages = () =>
    manifest.uiModules
      .filter((m) => m.type === 'jira:projectPage')
      .map((m) => ({ key: m.key, title: m.title ?? m.key }));
  const settingsPages = () =>
    manifest.uiModules
      .filter((m) => m.type === 'jira:projectSettingsPage')
      .map((m) => ({ key: m.key, title: m.title ?? m.key }));

  const baseContext = (user: LocalUser, module: UiModule, localId: string, extension: Record<string, unknown>) => ({
    accountId: user.accountId,
    cloudId: installationId,
    siteUrl: site.url,
    localId,
    moduleKey: module.key,
    environmentId: 'local',
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    theme: { colorMode: 'light' },
    extension: { type: module.type, ...extension },
  });

  /** The context Jira gives a custom field's view or edit: its value, where, and which entry point. */
  const fieldContext = (user: LocalUser, moduleKey: string, localId: string, extension: Record<string, unknown>) => ({
    ...baseContext(user, { key: moduleKey, type: 'jira:issuePanel', resource: '' } as UiModule, localId, {}),
    extension: { type: 'jira:customField', fieldType: 'object', ...extension },
  });

  const fieldIdOf = (moduleKey: string) => site.store.all('customField').find((f) => f.moduleKey === moduleKey)?.id;

  const shell = (user: LocalUser, title: string, extra: Partial<PageShell> = {}): PageShell => ({
    title,
    user,
    users: users(),
    projectPages: projectPages(),
    settingsPages: settingsPages(),
    ...extra,
  });

  async function issueView(user: LocalUser, key: string): Promise<string> {
    const issue = site.store.issueByKey(key);
    const project = issue ? site.store.get('project', issue.projectId) : undefined;
    if (!issue || !project || !canSeeIssue(site.store, user, issue)) {
      return layout(
        shell(user, key),
        messagePage('Issue not found', `${key} does not exist, or ${user.displayName} cannot see it.`),
      );
    }
    const status = site.store.get('status', issue.statusId);
    const type = site.store.get('issueType', issue.issueTypeId);
    const links = site.store
      .all('link')
      .filter((l) => l.inwardIssueId === issue.id || l.outwardIssueId === issue.id)
      .flatMap((l) => {
        const linkType = site.store.get('linkType', l.typeId);
        const outward = l.inwardIssueId === issue.id;
        const other = site.store.get('issue', outward ? l.outwardIssueId : l.inwardIssueId);
        // A linked issue the person cannot see is not shown, as Jira leaves it out.
        if (!other || !canSeeIssue(site.store, user, other)) return [];
        return [
          {
            relation: (outward ? linkType?.outward : linkType?.inward) ?? 'relates to',
            key: other.key,
            summary: other.summary,
          },
        ];
      });
    const onIssue = {
      issue: { id: String(issue.id), key: issue.key, type: type?.name ?? '', typeId: issue.issueTypeId },
      project: { id: String(project.id), key: project.key, type: 'software' },
    };
    const panelModules = manifest.uiModules.filter((m) => m.type === 'jira:issuePanel');
    const panels: FrameSpec[] = panelModules
      .filter((m) => panelShown(issue.id, m.key))
      .map((m) => {
        const isNewToIssue = newlyAdded.delete(`${issue.id} ${m.key}`);
        return {
          id: `panel-${m.key}`,
          resource: m.resource,
          title: m.title ?? m.key,
          context: baseContext(user, m, `${m.key}-${issue.id}`, { ...onIssue, isNewToIssue }),
        };
      });
    const addablePanels = panelModules
      .filter((m) => !panelShown(issue.id, m.key))
      .map((m) => ({ moduleKey: m.key, title: m.title ?? m.key }));
    // jira:issueContext: a collapsible panel on the right of every issue, under the fields.
    // https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-context/
    const contexts: FrameSpec[] = manifest.uiModules
      .filter((m) => m.type === 'jira:issueContext')
      .map((m) => ({
        id: `context-${m.key}`,
        resource: m.resource,
        title: m.title ?? m.key,
        context: baseContext(user, m, `${m.key}-${issue.id}`, onIssue),
      }));
    const transitions = JSON.parse((await jiraAs(user, `/rest/api/3/issue/${issue.id}/transitions`)).body) as {
      transitions?: Array<{ id: string; name: string }>;
    };
    const launchers: NonNullable<PageShell['launchers']> = {};
    const fields = manifest.fieldModules.flatMap((field) => {
      const fieldId = fieldIdOf(field.key);
      if (!fieldId) return [];
      const where = {
        fieldId,
        fieldValue: issue.customFields[fieldId] ?? null,
        renderContext: 'issue-view',
        issue: { id: String(issue.id), key: issue.key },
        project: { id: String(project.id), key: project.key },
      };
      const view: FrameSpec | undefined = field.viewResource
        ? {
            id: `field-${field.key}`,
            resource: field.viewResource,
            title: `${field.name} (field)`,
            height: 'auto',
            context: fieldContext(user, field.key, `${field.key}-view-${issue.id}`, { ...where, entryPoint: 'view' }),
          }
        : undefined;
      const editLauncherId = field.editResource ? `edit-${field.key}` : undefined;
      if (field.editResource && editLauncherId) {
        launchers[editLauncherId] = {
          resource: field.editResource,
          title: `Edit ${field.name}`,
          context: fieldContext(user, field.key, `${field.key}-edit-${issue.id}`, { ...where, entryPoint: 'edit' }),
          fieldEdit: { issueId: String(issue.id), fieldId },
        };
      }
      return [{ name: field.name, ...(view ? { view } : {}), ...(editLauncherId ? { editLauncherId } : {}) }];
    });
    const reporter = site.store.get('user', issue.reporterAccountId);
    const assignee = issue.assigneeAccountId ? site.store.get('user', issue.assigneeAccountId) : undefined;
    const sprint = issue.sprintId !== null ? site.store.get('sprint', issue.sprintId) : undefined;
    const body = issuePage(
      {
        issue,
        project,
        typeName: type?.name ?? '',
        status: { name: status?.name ?? '', category: status?.category ?? 'new' },
        ...(assignee ? { assignee: assignee.displayName } : {}),
        ...(reporter ? { reporter: reporter.displayName } : {}),
        ...(sprint ? { sprint } : {}),
        links,
        transitions: transitions.transitions ?? [],
        fields,
      },
      panels,
      addablePanels,
      contexts,
    );
    const fieldFrames = fields.flatMap((f) => (f.view ? [f.view] : []));
    return layout(
      shell(user, `${issue.key} ${issue.summary}`, {
        project,
        frames: [...panels, ...fieldFrames, ...contexts],
        launchers,
      }),
      body,
    );
  }

  function projectOf(user: LocalUser, key: string) {
    const project = site.store.all('project').find((p) => p.key === key.toUpperCase());
    return project && hasProjectPermission(site.store, user, project, 'BROWSE_PROJECTS') ? project : undefined;
  }

  function appPage(
    user: LocalUser,
    projectKey: string,
    moduleKey: string,
    type: 'jira:projectPage' | 'jira:projectSettingsPage',
  ): string {
    const project = projectOf(user, projectKey);
    const module = manifest.uiModules.find((m) => m.key === moduleKey && m.type === type);
    if (!project || !module)
      return layout(
        shell(user, 'Not found'),
        messagePage('Page not found', 'The project or the app page does not exist, or you cannot see it.'),
      );
    const frame: FrameSpec = {
      id: `page-${module.key}`,
      resource: module.resource,
      title: module.title ?? module.key,
      context: baseContext(user, module, `${module.key}-${project.id}`, {
        project: { id: String(project.id), key: project.key, type: 'software' },
      }),
    };
    return layout(shell(user, frame.title, { project, active: module.key, frames: [frame] }), projectAppPage(frame));
  }

  function backlog(user: LocalUser, projectKey: string): string {
    const project = projectOf(user, projectKey);
    if (!project)
      return layout(
        shell(user, 'Not found'),
        messagePage('Project not found', `${projectKey} does not exist, or you cannot see it.`),
      );
    const board = site.store.all('board').find((b) => b.projectId === project.id);
    const statusName = (statusId: string) => site.store.get('status', statusId)?.name ?? '';
    const rows = (filter: (i: { sprintId: number | null; projectId: number }) => boolean) =>
      site.store
        .all('issue')
        .filter((i) => i.projectId === project.id && filter(i) && canSeeIssue(site.store, user, i))
        .sort((a, b) => a.rank - b.rank)
        .map((issue) => ({ issue, status: statusName(issue.statusId) }));
    const sprintModules = manifest.uiModules.filter((m) => m.type === 'jira:sprintAction');
    const launchers: NonNullable<PageShell['launchers']> = {};
    const sprints = site.store
      .all('sprint')
      .filter((s) => board && s.boardId === board.id && s.state !== 'closed')
      .sort((a, b) => (a.state === b.state ? a.id - b.id : a.state === 'active' ? -1 : 1))
      .map((sprint) => ({
        sprint,
        issues: rows((i) => i.sprintId === sprint.id),
        actions: sprintModules.map((m) => {
          const launcherId = `${m.key}-${sprint.id}`;
          launchers[launcherId] = {
            resource: m.resource,
            title: m.title ?? m.key,
            context: baseContext(user, m, launcherId, {
              // Jira gives a sprint action its sprint's and board's ids as strings.
              sprint: { id: String(sprint.id) },
              board: { id: String(sprint.boardId) },
              project: { id: String(project.id), key: project.key, type: 'software' },
            }),
          };
          return { launcherId, title: m.title ?? m.key };
        }),
      }));
    const open = (i: { sprintId: number | null }) =>
      i.sprintId === null || site.store.get('sprint', i.sprintId)?.state === 'closed';
    return layout(
      shell(user, `${project.key} backlog`, { project, active: 'backlog', launchers }),
      backlogPage(project, sprints, rows(open)),
    );
  }

  async function issues(user: LocalUser, projectKey: string | undefined, jql: string): Promise<string> {
    const project = projectKey ? projectOf(user, projectKey) : undefined;
    if (projectKey && !project)
      return layout(
        shell(user, 'Not found'),
        messagePage('Project not found', `${projectKey} does not exist, or you cannot see it.`),
      );
    const query = jql || (project ? `project = ${project.key} ORDER BY rank` : '');
    const answer = await jiraAs(user, '/rest/api/3/search/jql', {
      method: 'POST',
      body: JSON.stringify({ jql: query, fields: ['summary', 'status'], maxResults: 100 }),
      headers: [['Content-Type', 'application/json']],
    });
    const parsed = JSON.parse(answer.body) as {
      issues?: Array<{ key: string; fields: { summary: string; status: { name: string } } }>;
      errorMessages?: string[];
    };
    const result =
      answer.status >= 400
        ? { issues: [], error: (parsed.errorMessages ?? []).join(' ') || `Jira answered ${answer.status}` }
        : {
            issues: (parsed.issues ?? []).map((i) => ({
              key: i.key,
              summary: i.fields.summary,
              status: i.fields.status?.name ?? '',
            })),
          };
    return layout(
      shell(user, 'Issues', { ...(project ? { project } : {}), active: 'issues' }),
      issuesPage(query, result),
    );
  }

  function createPage(user: LocalUser, projectKey: string): string {
    const project = projectOf(user, projectKey);
    if (!project)
      return layout(
        shell(user, 'Not found'),
        messagePage('Project not found', `${projectKey} does not exist, or you cannot see it.`),
      );
    const frames: FrameSpec[] = manifest.fieldModules.flatMap((field) => {
      const fieldId = fieldIdOf(field.key);
      if (!field.editResource || !fieldId) return [];
      const context = fieldContext(user, field.key, `${field.key}-create`, {
        fieldId,
        fieldValue: null,
        renderContext: 'issue-create',
        entryPoint: 'edit',
        project: { id: String(project.id), key: project.key },
      });
      return [
        {
          id: `create-${field.key}`,
          resource: field.editResource,
          title: `${field.name} (field)`,
          context,
          createField: fieldId,
        },
      ];
    });
    const types = site.store.all('issueType').filter((t) => !t.subtask && t.hierarchyLevel === 0);
    return layout(
      shell(user, `Create issue in ${project.key}`, { project, active: 'create', frames }),
      createIssuePage(project, types, frames),
    );
  }

  async function resource(res: ServerResponse, key: string, file: string, frameId: string): Promise<void> {
    let root: string;
    try {
      root = manifest.resourcePath(key);
    } catch {
      return sendText(res, 404, 'text/plain', `No resource '${key}' in manifest.yml`);
    }
    const content = await readUnder(root, file || 'index.html');
    if (!content) return sendText(res, 404, 'text/plain', `Not found: ${file}. Was the UI built (npm run build:ui)?`);
    if (file.endsWith('.html'))
      return sendText(res, 200, contentType(file), injectBridge(content.toString('utf8'), frameId));
    res.writeHead(200, { 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
    res.end(content);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', site.url);
    const p = url.pathname;
    if (p === '/_local/clock') return clockRoute(req, res, clock);
    if (p.startsWith('/rest/') || p.startsWith('/_local/')) return false;
    const user = actingUser(req);
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;
    if (p === '/') return redirect(res, defaultPage(user));
    if (p === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if ((m = /^\/browse\/([A-Za-z0-9_-]+)$/.exec(p))) return html(res, await issueView(user, m[1]!));
    if ((m = /^\/projects\/([A-Za-z0-9_]+)\/backlog$/.exec(p))) return html(res, backlog(user, m[1]!));
    if ((m = /^\/projects\/([A-Za-z0-9_]+)\/issues$/.exec(p)))
      return html(res, await issues(user, m[1]!, url.searchParams.get('jql') ?? ''));
    if ((m = /^\/projects\/([A-Za-z0-9_]+)\/apps\/([A-Za-z0-9_-]+)$/.exec(p)))
      return html(res, appPage(user, m[1]!, m[2]!, 'jira:projectPage'));
    if ((m = /^\/projects\/([A-Za-z0-9_]+)\/settings\/apps\/([A-Za-z0-9_-]+)$/.exec(p)))
      return html(res, appPage(user, m[1]!, m[2]!, 'jira:projectSettingsPage'));
    // Jira Cloud's issue search, where apps link JQL to.
    if (p === '/issues' || p === '/issues/')
      return html(res, await issues(user, undefined, url.searchParams.get('jql') ?? ''));
    if ((m = /^\/projects\/([A-Za-z0-9_]+)\/create$/.exec(p))) return html(res, createPage(user, m[1]!));
    if ((m = /^\/forge\/resource\/([A-Za-z0-9_-]+)\/(.*)$/.exec(p))) {
      await resource(res, m[1]!, m[2]!, url.searchParams.get('frame') ?? '');
      return true;
    }
    if (p === '/forge/bridge-shim.js' || p === '/forge/host.js' || p === '/forge/host.css') {
      const content = await readUnder(PUBLIC_DIR, path.basename(p));
      sendText(res, content ? 200 : 404, contentType(p), content?.toString('utf8') ?? 'missing');
      return true;
    }
    if (method === 'POST' && p === '/forge/invoke') {
      const body = (await readBody(req)) as {
        moduleKey?: string;
        functionKey?: string;
        payload?: unknown;
        context?: Record<string, unknown>;
      };
      const answer = await invoker.invoke({
        accountId: user.accountId,
        moduleKey: String(body.moduleKey ?? ''),
        functionKey: String(body.functionKey ?? ''),
        payload: body.payload ?? {},
        context: { ...(body.context ?? {}), accountId: user.accountId },
      });
      if (!answer.ok && answer.needsConsent) {
        // What Jira shows in the module's place: the app's name and the scopes it asks for.
        const app = site.store.get('user', APP_ACCOUNT_ID);
        return sendJson(res, 200, {
          ...answer,
          consent: { appName: app?.displayName ?? 'This app', scopes: manifest.manifest.permissions.scopes },
        });
      }
      return sendJson(res, 200, answer);
    }
    if (method === 'POST' && p === '/forge/issue-panel') {
      // The issue's "Add" button for an app's panel: from now on the panel shows on that issue.
      const body = (await readBody(req)) as { issueKey?: string; moduleKey?: string };
      const issue = site.store.issueByKey(String(body.issueKey ?? ''));
      const project = issue ? site.store.get('project', issue.projectId) : undefined;
      const module = manifest.uiModules.find((m) => m.type === 'jira:issuePanel' && m.key === body.moduleKey);
      if (!issue || !project || !module || !canSeeIssue(site.store, user, issue))
        return sendJson(res, 404, { message: 'No such issue or panel' });
      if (!addedPanels.has(`${issue.id} ${module.key}`)) newlyAdded.add(`${issue.id} ${module.key}`);
      addedPanels.add(`${issue.id} ${module.key}`);
      return sendJson(res, 200, { issueKey: issue.key, moduleKey: module.key, added: true });
    }
    if (method === 'POST' && p === '/forge/consent') {
      // "Allow access": from now on the app may act as this person.
      consent.grant(user.accountId);
      return sendJson(res, 200, { accountId: user.accountId, granted: true });
    }
    if (method === 'POST' && p === '/forge/fetch-product') {
      const body = (await readBody(req)) as {
        restPath?: string;
        fetchRequestInit?: { method?: string; body?: string | null; headers?: Array<[string, string]> };
      };
      if (!body.restPath?.startsWith('/rest/'))
        return sendJson(res, 400, { message: 'restPath must start with /rest/' });
      return sendJson(res, 200, await jiraAs(user, body.restPath, body.fetchRequestInit ?? {}));
    }
    if (method === 'POST' && p === '/forge/field-value') {
      // What Jira does when a custom field's edit submits: save the value as the person.
      const body = (await readBody(req)) as { issueId?: string; fieldId?: string; value?: unknown };
      if (!body.issueId || !body.fieldId) return sendJson(res, 400, { message: 'issueId and fieldId are required' });
      const answer = await jiraAs(user, `/rest/api/3/issue/${encodeURIComponent(body.issueId)}`, {
        method: 'PUT',
        body: JSON.stringify({ fields: { [body.fieldId]: body.value ?? null } }),
        headers: [['Content-Type', 'application/json']],
      });
      return sendJson(res, 200, answer);
    }
    if (method === 'POST' && p === '/forge/create-issue') {
      const body = (await readBody(req)) as {
        projectKey?: string;
        issueType?: string;
        summary?: string;
        description?: string;
        fields?: Record<string, unknown>;
      };
      const description = body.description
        ? {
            type: 'doc',
            version: 1,
            content: [{ type: 'paragraph', content: [{ type: 'text', text: body.description }] }],
          }
        : undefined;
      const answer = await jiraAs(user, '/rest/api/3/issue', {
        method: 'POST',
        body: JSON.stringify({
          fields: {
            project: { key: body.projectKey },
            issuetype: { name: body.issueType },
            summary: body.summary ?? '',
            ...(description ? { description } : {}),
            ...(body.fields ?? {}),
          },
        }),
        headers: [['Content-Type', 'application/json']],
      });
      return sendJson(res, 200, answer);
    }
    if (method === 'POST' && p === '/forge/user') {
      const body = (await readBody(req)) as { accountId?: string };
      const chosen = body.accountId ? site.store.get('user', body.accountId) : undefined;
      if (!chosen || chosen.accountType !== 'atlassian' || chosen.accountId === APP_ACCOUNT_ID)
        return sendJson(res, 400, { message: 'Unknown user' });
      res.setHeader('Set-Cookie', `${USER_COOKIE}=${encodeURIComponent(chosen.accountId)}; Path=/; SameSite=Lax`);
      return sendJson(res, 200, { accountId: chosen.accountId });
    }
    if (p.startsWith('/forge/') || p.startsWith('/browse/') || p.startsWith('/projects/')) {
      return html(res, layout(shell(user, 'Not found'), messagePage('Page not found', `Nothing lives at ${p}.`)), 404);
    }
    return false;
  }

  function defaultPage(user: LocalUser): string {
    const visible = site.store
      .all('project')
      .filter((p) => hasProjectPermission(site.store, user, p, 'BROWSE_PROJECTS'));
    const first = visible.find((p) => p.key === 'PAY') ?? visible[0];
    return first ? `/projects/${first.key}/backlog` : '/forge/no-projects';
  }

  async function runScheduledTrigger(key: string): Promise<void> {
    const trigger = manifest.manifest.modules.scheduledTrigger.find((t) => t.key === key);
    if (!trigger) throw new Error(`manifest.yml has no scheduled trigger '${key}'`);
    try {
      await invoker.schedule(trigger.function);
    } catch (error) {
      // Forge logs it; a scheduled trigger that fails is not retried.
      console.error(`[forge] scheduled trigger ${key} failed:`, error instanceof Error ? error.message : error);
      throw error;
    }
  }

  return { handle, idle: () => triggers.idle(), runScheduledTrigger, limits: invoker.limits, clock };
}

function html(res: ServerResponse, body: string, status = 200): true {
  sendText(res, status, 'text/html; charset=utf-8', body);
  return true;
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(302, { Location: location });
  res.end();
  return true;
}

/** GET: the app's time; PUT {"now": ISO}: move it forward to then (see clock.ts). Not part of Jira or Forge. */
async function clockRoute(req: IncomingMessage, res: ServerResponse, clock: HostClock): Promise<true> {
  if (req.method === 'PUT') {
    const { now } = (await readBody(req)) as { now?: unknown };
    try {
      clock.setNow(String(now));
    } catch (error) {
      return sendJson(res, 400, { errorMessages: [error instanceof Error ? error.message : 'Not a time'] });
    }
  }
  return sendJson(res, 200, { now: new Date(clock.now()).toISOString() });
}

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): true {
  sendText(res, status, 'application/json', JSON.stringify(body));
  return true;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}
