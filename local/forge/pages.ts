import type { LocalIssue, LocalProject, LocalSprint, LocalUser } from '../site/model';
import { adfParagraphs, esc, scriptJson } from './html';

export interface FrameSpec {
  id: string;
  resource: string;
  title: string;
  context: Record<string, unknown>;
  height?: string;
  /** A custom field edit on the create page: its submitted value goes into the create request. */
  createField?: string;
}

export interface LauncherSpec {
  resource: string;
  title: string;
  context: Record<string, unknown>;
  /** A custom field edit opened from the issue view: its submitted value is saved to the issue. */
  fieldEdit?: { issueId: string; fieldId: string };
}

export interface PageShell {
  title: string;
  user: LocalUser;
  users: LocalUser[];
  project?: LocalProject;
  projectPages?: Array<{ key: string; title: string }>;
  settingsPages?: Array<{ key: string; title: string }>;
  active?: string;
  frames?: FrameSpec[];
  launchers?: Record<string, LauncherSpec>;
}

export const frameTag = (frame: FrameSpec): string =>
  `<iframe class="forge-frame" data-frame-id="${esc(frame.id)}" title="${esc(frame.title)}" src="/forge/resource/${esc(frame.resource)}/index.html?frame=${encodeURIComponent(frame.id)}"${frame.height && frame.height !== 'auto' ? ` style="height:${esc(frame.height)}" data-fixed-height` : ''}></iframe>`;

export function layout(shell: PageShell, main: string): string {
  const frames = Object.fromEntries(
    (shell.frames ?? []).map((f) => [
      f.id,
      { id: f.id, resource: f.resource, context: f.context, ...(f.createField ? { createField: f.createField } : {}) },
    ]),
  );
  const nav = shell.project
    ? sidebar(shell.project, shell.projectPages ?? [], shell.settingsPages ?? [], shell.active)
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(shell.title)} - Local Jira</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/forge/host.css"></head>
<body>
<header class="topbar"><a class="brand" href="/">Local Jira</a><span class="site-note">offline stand-in for Jira Cloud, running Without for Jira</span>
<label class="user-switch">Acting as <select id="user-switcher" aria-label="Acting user">${shell.users
    .map(
      (u) =>
        `<option value="${esc(u.accountId)}"${u.accountId === shell.user.accountId ? ' selected' : ''}>${esc(u.displayName)} (${esc(u.email)})</option>`,
    )
    .join('')}</select></label></header>
<div class="shell">${nav}<main id="main">${main}</main></div>
<div id="flags" aria-live="polite"></div>
<script>window.__FORGE_FRAMES__ = ${scriptJson(frames)}; window.__FORGE_LAUNCHERS__ = ${scriptJson(shell.launchers ?? {})};</script>
<script src="/forge/host.js"></script>
</body></html>`;
}

function sidebar(
  project: LocalProject,
  pages: Array<{ key: string; title: string }>,
  settings: Array<{ key: string; title: string }>,
  active?: string,
): string {
  const link = (href: string, label: string, id: string) =>
    `<a href="${esc(href)}"${active === id ? ' class="active" aria-current="page"' : ''}>${esc(label)}</a>`;
  return `<nav class="sidebar" aria-label="Project"><div class="project-name">${esc(project.name)}<small>${esc(project.key)} · Software project</small></div>
${link(`/projects/${project.key}/backlog`, 'Backlog', 'backlog')}
${link(`/projects/${project.key}/issues`, 'Issues', 'issues')}
${link(`/projects/${project.key}/create`, 'Create issue', 'create')}
<div class="nav-section">Apps</div>
${pages.map((p) => link(`/projects/${project.key}/apps/${p.key}`, p.title, p.key)).join('\n')}
<div class="nav-section">Project settings</div>
${settings.map((p) => link(`/projects/${project.key}/settings/apps/${p.key}`, p.title, p.key)).join('\n')}
</nav>`;
}

export interface IssueDetails {
  issue: LocalIssue;
  project: LocalProject;
  typeName: string;
  status: { name: string; category: string };
  assignee?: string;
  reporter?: string;
  sprint?: LocalSprint;
  links: Array<{ relation: string; key: string; summary: string }>;
  transitions: Array<{ id: string; name: string }>;
  /** The app's custom fields: their view, and a launcher for their edit. */
  fields: Array<{ name: string; view?: FrameSpec; editLauncherId?: string }>;
}

export function issuePage(
  d: IssueDetails,
  panels: FrameSpec[],
  addablePanels: Array<{ moduleKey: string; title: string }> = [],
  contexts: FrameSpec[] = [],
): string {
  const description = adfParagraphs(d.issue.description);
  return `<nav class="breadcrumbs"><a href="/projects/${esc(d.project.key)}/backlog">${esc(d.project.name)}</a> / <span>${esc(d.issue.key)}</span></nav>
<div class="issue-layout"><section class="issue-main">
<h1 id="issue-summary">${esc(d.issue.summary)}</h1>
<h3>Description</h3>${description.length ? description.map((p) => `<p>${esc(p)}</p>`).join('') : '<p class="muted">Add a description…</p>'}
${d.links.length ? `<h3>Linked issues</h3><ul class="links">${d.links.map((l) => `<li>${esc(l.relation)} <a href="/browse/${esc(l.key)}">${esc(l.key)}</a> ${esc(l.summary)}</li>`).join('')}</ul>` : ''}
${
  addablePanels.length
    ? `<div class="quick-add" role="group" aria-label="Add apps">${addablePanels
        .map(
          (a) =>
            `<button type="button" data-forge-add-panel="${esc(a.moduleKey)}" data-issue="${esc(d.issue.key)}">Add ${esc(a.title)}</button>`,
        )
        .join('')}</div>`
    : ''
}
${panels.map((p) => `<section class="app-panel"><h3>${esc(p.title)}</h3>${frameTag(p)}</section>`).join('\n')}
</section>
<aside class="issue-side">
<label>Status <select id="issue-status" data-issue="${esc(d.issue.key)}">${d.transitions
    .map((t) => `<option value="${esc(t.id)}"${t.name === d.status.name ? ' selected' : ''}>${esc(t.name)}</option>`)
    .join('')}</select></label>
<dl><dt>Type</dt><dd>${esc(d.typeName)}</dd><dt>Assignee</dt><dd>${esc(d.assignee ?? 'Unassigned')}</dd><dt>Reporter</dt><dd>${esc(d.reporter ?? '')}</dd>
<dt>Sprint</dt><dd>${esc(d.sprint?.name ?? 'None')}</dd><dt>Labels</dt><dd>${d.issue.labels.map((l) => `<span class="label">${esc(l)}</span>`).join(' ') || 'None'}</dd></dl>
${d.fields
  .map(
    (f) =>
      `<section class="side-field"><div class="side-field-head"><span>${esc(f.name)}</span>${
        f.editLauncherId
          ? `<button type="button" class="link-button" data-forge-launcher="${esc(f.editLauncherId)}" aria-label="Edit ${esc(f.name)}">Edit</button>`
          : ''
      }</div>${f.view ? frameTag(f.view) : ''}</section>`,
  )
  .join('')}
${contexts.map((c) => `<details class="issue-context" open><summary>${esc(c.title)}</summary>${frameTag(c)}</details>`).join('')}
</aside></div>
<script>document.querySelectorAll('[data-forge-add-panel]').forEach(function (button) {
  button.addEventListener('click', function () {
    fetch('/forge/issue-panel', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ issueKey: button.dataset.issue, moduleKey: button.dataset.forgeAddPanel }) })
      .then(function () { window.location.reload(); });
  });
});
document.getElementById('issue-status').addEventListener('change', function (e) {
  fetch('/forge/fetch-product', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ restPath: '/rest/api/3/issue/' + e.target.dataset.issue + '/transitions', fetchRequestInit: { method: 'POST', body: JSON.stringify({ transition: { id: e.target.value } }), headers: [['Content-Type', 'application/json']] } }) })
    .then(function (r) { return r.json(); }).then(function (a) { if (a.status >= 400) alert('Jira refused: ' + a.body); });
});</script>`;
}

export interface BacklogSprint {
  sprint: LocalSprint;
  issues: Array<{ issue: LocalIssue; status: string }>;
  actions: Array<{ launcherId: string; title: string }>;
}

const issueRow = (row: { issue: LocalIssue; status: string }) =>
  `<li class="issue-row" data-key="${esc(row.issue.key)}"><a href="/browse/${esc(row.issue.key)}">${esc(row.issue.key)}</a><span class="summary">${esc(row.issue.summary)}</span><span class="status">${esc(row.status)}</span></li>`;

export function backlogPage(
  project: LocalProject,
  sprints: BacklogSprint[],
  backlog: Array<{ issue: LocalIssue; status: string }>,
): string {
  const sprintBlock = (
    s: BacklogSprint,
  ) => `<section class="sprint" data-sprint-id="${s.sprint.id}"><header><h2>${esc(s.sprint.name)} <span class="sprint-state">${esc(s.sprint.state)}</span></h2>
${s.sprint.goal ? `<p class="muted">${esc(s.sprint.goal)}</p>` : ''}
<div class="sprint-actions">${s.actions.map((a) => `<button type="button" data-forge-launcher="${esc(a.launcherId)}">${esc(a.title)}</button>`).join('')}</div></header>
<ul class="issues">${s.issues.map(issueRow).join('') || '<li class="muted">No issues in this sprint</li>'}</ul></section>`;
  return `<h1>${esc(project.name)} backlog</h1>${sprints.map(sprintBlock).join('')}
<section class="sprint backlog"><header><h2>Backlog <span class="sprint-state">${backlog.length} issues</span></h2></header><ul class="issues">${backlog.map(issueRow).join('') || '<li class="muted">Nothing in the backlog</li>'}</ul></section>`;
}

export function issuesPage(
  jql: string,
  result: { issues: Array<{ key: string; summary: string; status: string }>; error?: string },
): string {
  return `<h1>Issues</h1><form class="jql" method="get"><label for="jql">JQL</label><input id="jql" name="jql" value="${esc(jql)}" size="80"><button type="submit">Search</button></form>
${result.error ? `<div class="error" role="alert">${esc(result.error)}</div>` : `<p class="muted" id="result-count">${result.issues.length} issues</p>`}
<ul class="issues">${result.issues.map((i) => `<li class="issue-row"><a href="/browse/${esc(i.key)}">${esc(i.key)}</a><span class="summary">${esc(i.summary)}</span><span class="status">${esc(i.status)}</span></li>`).join('')}</ul>`;
}

export const messagePage = (heading: string, text: string): string => `<h1>${esc(heading)}</h1><p>${esc(text)}</p>`;

export const projectAppPage = (frame: FrameSpec): string =>
  `<h1 class="sr-only">${esc(frame.title)}</h1>${frameTag(frame)}`;

export function createIssuePage(
  project: LocalProject,
  types: Array<{ id: string; name: string }>,
  fieldFrames: FrameSpec[],
): string {
  return `<h1>Create issue in ${esc(project.name)}</h1>
<form id="create-issue" class="create-form" data-project="${esc(project.key)}">
<label>Issue type <select name="issueType">${types.map((t) => `<option${t.name === 'Story' ? ' selected' : ''}>${esc(t.name)}</option>`).join('')}</select></label>
<label>Summary <input name="summary" required maxlength="255" size="80"></label>
<label>Description <textarea name="description" rows="4" cols="80"></textarea></label>
${fieldFrames.map((f) => `<fieldset class="create-field"><legend>${esc(f.title.replace(/ \(field\)$/, ''))}</legend>${frameTag(f)}<p class="muted" data-field-status="${esc(f.createField ?? '')}">Not set</p></fieldset>`).join('')}
<div role="alert" id="create-error" class="error" hidden></div>
<button type="submit">Create</button>
</form>
<script>(function () {
  var form = document.getElementById('create-issue');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(form);
    fetch('/forge/create-issue', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({
      projectKey: form.dataset.project, issueType: data.get('issueType'), summary: data.get('summary'), description: data.get('description'),
      fields: window.__createFieldValues || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        var body = answer.body ? JSON.parse(answer.body) : {};
        if (answer.status === 201) { window.location.href = '/browse/' + body.key; return; }
        var box = document.getElementById('create-error');
        box.hidden = false;
        box.textContent = (body.errorMessages || []).concat(Object.values(body.errors || {})).join(' ') || ('Jira answered ' + answer.status);
      });
  });
})();</script>`;
}
