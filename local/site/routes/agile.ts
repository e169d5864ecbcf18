import { JiraError, json, noContent, type SiteRequest } from '../http';
import type { LocalBoard, LocalIssue, LocalSprint } from '../model';
import type { Route } from '../router';
import { hasProjectPermission } from '../permissions';
import { boardJson, issueJson, listParam, sprintJson } from '../serialize';
import { canBrowseIssue, findIssue, touch } from './lookup';

const MAX_ISSUES_PER_MOVE = 50;

const page = <T>(req: SiteRequest, items: T[], defaultMax = 50) => {
  const startAt = Number(req.query.get('startAt') ?? 0);
  const maxResults = Math.min(Number(req.query.get('maxResults') ?? defaultMax), 100);
  const values = items.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: items.length, isLast: startAt + values.length >= items.length, values };
};

/** The projects a board's filter refers to (a person's board may span several). */
const boardProjectIds = (board: LocalBoard): number[] => board.filterProjectIds ?? [board.projectId];

/** A board is visible to whoever may browse a project its filter refers to. */
const canSeeBoard = (req: SiteRequest, board: LocalBoard): boolean =>
  boardProjectIds(board).some((id) => {
    const project = req.store.get('project', id);
    return project !== undefined && hasProjectPermission(req.store, req.principal, project, 'BROWSE_PROJECTS');
  });

function findBoard(req: SiteRequest): LocalBoard {
  const board = req.store.get('board', req.params.boardId ?? '');
  if (!board || !canSeeBoard(req, board)) {
    throw new JiraError(404, [`Board does not exist or you do not have permission to see it.`]);
  }
  return board;
}

function findSprint(req: SiteRequest): LocalSprint {
  const sprint = req.store.get('sprint', req.params.sprintId ?? '');
  const board = sprint ? req.store.get('board', sprint.boardId) : undefined;
  if (!sprint || !board || !canSeeBoard(req, board)) {
    throw new JiraError(404, [`Sprint does not exist or you do not have permission to see it.`]);
  }
  return sprint;
}

/** Moving issues into a sprint or the backlog needs "Schedule issues" and "Edit issues". */
function issuesToMove(req: SiteRequest): LocalIssue[] {
  const refs = ((req.body ?? {}) as { issues?: unknown }).issues;
  if (!Array.isArray(refs) || refs.length === 0)
    throw new JiraError(400, ['issues must be a non-empty list of issue keys or ids.']);
  if (refs.length > MAX_ISSUES_PER_MOVE)
    throw new JiraError(400, [`At most ${MAX_ISSUES_PER_MOVE} issues can be moved at once.`]);
  return refs.map((ref) => {
    const issue = findIssue(req, String(ref), 'EDIT_ISSUES');
    const project = req.store.get('project', issue.projectId);
    if (!project || !hasProjectPermission(req.store, req.principal, project, 'SCHEDULE_ISSUES')) {
      throw new JiraError(403, ['You do not have permission to schedule issues.']);
    }
    return issue;
  });
}

function moveIssues(req: SiteRequest, sprintId: number | null) {
  for (const issue of issuesToMove(req)) {
    req.store.put('issue', issue.id, touch({ ...issue, sprintId }));
    req.emit({
      type: 'issue_updated',
      issueId: issue.id,
      actorAccountId: req.principal.accountId,
      changedFields: ['Sprint'],
    });
  }
  return noContent();
}

const agileIssuePage = (req: SiteRequest, issues: LocalIssue[]) => {
  const fields = listParam(req.query.getAll('fields'));
  const { startAt, maxResults, total, values } = page(req, issues);
  return json({
    expand: 'schema,names',
    startAt,
    maxResults,
    total,
    issues: values.map((i) =>
      issueJson(i, req.store, req.baseUrl, { fields, properties: [], defaultAllFields: true, viewer: req.principal }),
    ),
  });
};

const byRank = (a: LocalIssue, b: LocalIssue) => a.rank - b.rank;

function updateSprint(req: SiteRequest) {
  const sprint = findSprint(req);
  const board = req.store.get('board', sprint.boardId);
  const project = board ? req.store.get('project', board.projectId) : undefined;
  if (!project || !hasProjectPermission(req.store, req.principal, project, 'MANAGE_SPRINTS_PERMISSION')) {
    throw new JiraError(403, ['You do not have permission to manage sprints.']);
  }
  const body = (req.body ?? {}) as Partial<Record<'name' | 'goal' | 'state' | 'startDate' | 'endDate', unknown>>;
  const next: LocalSprint = { ...sprint };
  if (typeof body.name === 'string') next.name = body.name;
  if (typeof body.goal === 'string') next.goal = body.goal;
  if (typeof body.startDate === 'string') next.startDate = body.startDate;
  if (typeof body.endDate === 'string') next.endDate = body.endDate;
  if (body.state === 'active' && sprint.state === 'future') next.state = 'active';
  else if (body.state === 'closed' && sprint.state === 'active') next.state = 'closed';
  else if (body.state !== undefined && body.state !== sprint.state)
    throw new JiraError(400, [`A ${sprint.state} sprint cannot become ${String(body.state)}.`]);
  req.store.put('sprint', sprint.id, next);
  if (next.state !== sprint.state) {
    req.emit({
      type: next.state === 'active' ? 'sprint_started' : 'sprint_closed',
      sprintId: sprint.id,
      actorAccountId: req.principal.accountId,
    });
  }
  return json(sprintJson(next, req.baseUrl));
}

export const agileRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/agile/1.0/board',
    handler: (req) => {
      const projectRef = (req.query.get('projectKeyOrId') ?? '').toUpperCase();
      // "Relevant to a project": the board's filter refers to it, wherever the board is located
      // (a person's board included).
      const boards = req.store
        .all('board')
        .filter((b) => {
          if (!canSeeBoard(req, b)) return false;
          if (!projectRef) return true;
          return boardProjectIds(b).some((id) => {
            const project = req.store.get('project', id);
            return project !== undefined && (project.key === projectRef || String(project.id) === projectRef);
          });
        })
        .sort((a, b) => a.id - b.id);
      const result = page(req, boards);
      return json({ ...result, values: result.values.map((b) => boardJson(b, req.store, req.baseUrl)) });
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}/sprint',
    handler: (req) => {
      const board = findBoard(req);
      const states = listParam(req.query.getAll('state'));
      const sprints = req.store
        .all('sprint')
        .filter((s) => s.boardId === board.id && (states.length === 0 || states.includes(s.state)))
        .sort((a, b) => a.id - b.id);
      const { startAt, maxResults, isLast, values } = page(req, sprints);
      return json({ startAt, maxResults, isLast, values: values.map((s) => sprintJson(s, req.baseUrl)) });
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/sprint/{sprintId}',
    handler: (req) => json(sprintJson(findSprint(req), req.baseUrl)),
  },
  { method: 'POST', template: '/rest/agile/1.0/sprint/{sprintId}', handler: updateSprint },
  {
    method: 'GET',
    template: '/rest/agile/1.0/sprint/{sprintId}/issue',
    handler: (req) => {
      const sprint = findSprint(req);
      return agileIssuePage(
        req,
        req.store
          .all('issue')
          .filter((i) => i.sprintId === sprint.id && canBrowseIssue(req, i))
          .sort(byRank),
      );
    },
  },
  {
    method: 'POST',
    template: '/rest/agile/1.0/sprint/{sprintId}/issue',
    handler: (req) => {
      const sprint = findSprint(req);
      if (sprint.state === 'closed') throw new JiraError(400, ['Issues cannot be moved into a closed sprint.']);
      return moveIssues(req, sprint.id);
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}/backlog',
    handler: (req) => {
      const board = findBoard(req);
      const open = (i: LocalIssue) => i.sprintId === null || req.store.get('sprint', i.sprintId)?.state === 'closed';
      const statusDone = (i: LocalIssue) => req.store.get('status', i.statusId)?.category === 'done';
      return agileIssuePage(
        req,
        req.store
          .all('issue')
          .filter(
            (i) => boardProjectIds(board).includes(i.projectId) && open(i) && !statusDone(i) && canBrowseIssue(req, i),
          )
          .sort(byRank),
      );
    },
  },
  { method: 'POST', template: '/rest/agile/1.0/backlog/issue', handler: (req) => moveIssues(req, null) },
];
