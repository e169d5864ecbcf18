import type { LocalIssue } from '../model';
import { defineField, type FieldSpec, type Ordinal } from './field-spec';
import type { JqlCatalog } from './jql-catalog';
import { jqlError } from './jql-error';

// `key`, `issuekey`, `issue` and `id` are one field in Jira: a value is an issue key or
// an issue id. Values are tagged so that an id and a key number never collide.

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;
const ISSUE_ID = /^\d+$/;

export function issueKeyField(catalog: JqlCatalog): FieldSpec {
  const projectKeys = new Set(catalog.projects.map((p) => p.key.toUpperCase()));
  const parse = (raw: string, field: string) => {
    const match = ISSUE_KEY.exec(raw.trim());
    if (!match) throw jqlError(`The issue key '${raw}' for field '${field}' is invalid.`);
    const projectKey = (match[1] ?? '').toUpperCase();
    if (!projectKeys.has(projectKey)) throw jqlError(`An issue with key '${raw}' does not exist for field '${field}'.`);
    return { projectKey, number: Number(match[2]) };
  };
  const resolve = (raw: string, field: string) => {
    if (ISSUE_ID.test(raw)) return [`id:${Number(raw)}`];
    const key = parse(raw, field);
    return [`key:${key.projectKey}-${key.number}`];
  };
  const ordinal = (raw: string, field: string): Ordinal => {
    if (ISSUE_ID.test(raw)) return { target: Number(raw), values: (issue) => [issue.id] };
    const key = parse(raw, field);
    return { target: key.number, values: (issue) => numberInProject(issue, key.projectKey) };
  };
  return defineField(
    { isEmpty: () => false, values: (issue) => [`id:${issue.id}`, `key:${issue.key.toUpperCase()}`], resolve, ordinal },
    { without: ['is', 'is not'] },
  );
}

function numberInProject(issue: LocalIssue, projectKey: string): number[] {
  const match = ISSUE_KEY.exec(issue.key);
  return match && (match[1] ?? '').toUpperCase() === projectKey ? [Number(match[2])] : [];
}
