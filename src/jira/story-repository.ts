import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { IssueRecord, MyPermissions } from './jira-schemas';

export interface StoryRecord {
  id: string;
  key: string;
  summary: string;
  /** The raw value of the app's clauses field; the domain parses it. */
  clausesValue: unknown;
}

export async function readStory(client: JiraClient, issueIdOrKey: string, clausesFieldId: string): Promise<StoryRecord> {
  const issue = await client.get(route`/rest/api/3/issue/${issueIdOrKey}?fields=${`summary,${clausesFieldId}`}`.value, IssueRecord);
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
    clausesValue: issue.fields[clausesFieldId],
  };
}

/** Whether the caller of this client may edit the issue (Jira decides, not the frontend). */
export async function canEditIssue(client: JiraClient, issueId: string): Promise<boolean> {
  const answer = await client.get(route`/rest/api/3/mypermissions?issueId=${issueId}&permissions=EDIT_ISSUES`.value, MyPermissions);
  return answer.permissions.EDIT_ISSUES?.havePermission === true;
}
