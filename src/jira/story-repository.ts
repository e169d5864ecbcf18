import { route } from '@forge/api';
import type { StoryClausesValue } from '../domain/story-clauses';
import type { JiraClient } from './jira-client';
import { IssueRecord } from './jira-schemas';

export interface StoryRecord {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  /** The raw value of the app's clauses field; the domain parses it. */
  clausesValue: unknown;
}

export async function readStory(client: JiraClient, issueIdOrKey: string, clausesFieldId: string): Promise<StoryRecord> {
  const issue = await client.get(route`/rest/api/3/issue/${issueIdOrKey}?fields=${`summary,project,${clausesFieldId}`}`.value, IssueRecord);
  const project = issue.fields.project as { key?: unknown } | undefined;
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
    projectKey: typeof project?.key === 'string' ? project.key : '',
    clausesValue: issue.fields[clausesFieldId],
  };
}

/** Writes the clauses field as the person: Jira itself enforces their edit permission. */
export async function writeStoryClauses(user: JiraClient, issueId: string, clausesFieldId: string, value: StoryClausesValue): Promise<void> {
  await user.send(route`/rest/api/3/issue/${issueId}`.value, { method: 'PUT', body: JSON.stringify({ fields: { [clausesFieldId]: value } }) });
}
