import type { LocalIssue, StatusCategoryKey } from '../model';
import type { JqlCatalog } from './jql-catalog';

/** Ascending order of issues by one field. */
export type IssueOrder = (a: LocalIssue, b: LocalIssue) => number;

const CATEGORY_ORDER: Record<StatusCategoryKey, number> = { new: 0, indeterminate: 1, done: 2 };

/** The ORDER BY fields the local site sorts by, by lower-cased name and alias. */
export function issueOrders(catalog: JqlCatalog): ReadonlyMap<string, IssueOrder> {
  const statuses = new Map(catalog.statuses.map((s) => [s.id, s]));
  const projectNames = new Map(catalog.projects.map((p) => [p.id, p.name]));
  const typeNames = new Map(catalog.issueTypes.map((t) => [t.id, t.name]));
  const byKey: IssueOrder = (a, b) =>
    byText(keyParts(a).project, keyParts(b).project) || keyParts(a).number - keyParts(b).number;
  const byStatus: IssueOrder = (a, b) => {
    const [sa, sb] = [statuses.get(a.statusId), statuses.get(b.statusId)];
    return (
      (sa ? CATEGORY_ORDER[sa.category] : 3) - (sb ? CATEGORY_ORDER[sb.category] : 3) ||
      byText(sa?.name ?? '', sb?.name ?? '')
    );
  };
  const byType: IssueOrder = (a, b) => byText(typeNames.get(a.issueTypeId) ?? '', typeNames.get(b.issueTypeId) ?? '');
  return new Map<string, IssueOrder>([
    ['key', byKey],
    ['issuekey', byKey],
    ['issue', byKey],
    ['id', byId],
    ['created', byCreated],
    ['updated', (a, b) => timeOf(a.updated) - timeOf(b.updated)],
    ['rank', (a, b) => a.rank - b.rank],
    ['summary', (a, b) => byText(a.summary, b.summary)],
    ['status', byStatus],
    ['project', (a, b) => byText(projectNames.get(a.projectId) ?? '', projectNames.get(b.projectId) ?? '')],
    ['issuetype', byType],
    ['type', byType],
    // The local site has no priorities: every issue ranks the same.
    ['priority', () => 0],
  ]);
}

export const byId: IssueOrder = (a, b) => a.id - b.id;
export const byCreated: IssueOrder = (a, b) => timeOf(a.created) - timeOf(b.created);

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

function keyParts(issue: LocalIssue): { project: string; number: number } {
  const dash = issue.key.lastIndexOf('-');
  return { project: issue.key.slice(0, dash), number: Number(issue.key.slice(dash + 1)) };
}

function timeOf(date: string): number {
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? 0 : ms;
}
