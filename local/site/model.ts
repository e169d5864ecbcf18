// The local Jira site's own records. These are the site's storage shapes, not Jira's REST
// shapes: routes translate them into the documented JSON (see ../../shared/jira-openapi).

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface LocalUser {
  accountId: string;
  email: string;
  displayName: string;
  apiToken: string;
  /** 'app' is the app's own identity, used by requests made with asApp(). */
  accountType: 'atlassian' | 'app';
  /**
   * Holds the global "Administer Jira" permission (ADMINISTER), which site-wide configuration
   * such as creating an issue link type needs:
   * https://support.atlassian.com/jira-cloud-administration/docs/manage-global-permissions/
   */
  jiraAdmin?: boolean;
}

export interface LocalProject {
  id: number;
  key: string;
  name: string;
  leadAccountId: string;
}

export interface LocalIssueType {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
}

export interface LocalStatus {
  id: string;
  name: string;
  category: StatusCategoryKey;
}

export interface LocalSprint {
  id: number;
  boardId: number;
  name: string;
  state: 'active' | 'future' | 'closed';
  goal: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}

export interface LocalBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  /** The project the board's filter is about (for a project board, the project it is located in). */
  projectId: number;
  /**
   * Where the board lives. Absent: in its project. `user`: a person's own board, in no project
   * (Jira's board location type `user`); its filter may span several projects.
   */
  location?: { type: 'user'; accountId: string };
  /** Every project the board's filter refers to, when more than `projectId`. */
  filterProjectIds?: number[];
}

export interface LocalIssue {
  id: number;
  key: string;
  projectId: number;
  issueTypeId: string;
  statusId: string;
  summary: string;
  /** Atlassian Document Format, as written through the REST API. */
  description: unknown;
  labels: string[];
  reporterAccountId: string;
  /**
   * Who created the issue (Jira's `creator` field): set once by the create, never changed by an
   * edit. Issues stored before the site kept it have none; they answer with the reporter.
   */
  creatorAccountId?: string;
  assigneeAccountId: string | null;
  created: string;
  updated: string;
  /** Global backlog order: lower comes first. */
  rank: number;
  /** The sprint the issue is in, if any (Jira keeps history; the site keeps the current one). */
  sprintId: number | null;
  /** Values of custom fields, by field id (customfield_NNNNN). */
  customFields: Record<string, unknown>;
  /** Issue entity properties, by property key. */
  properties: Record<string, unknown>;
  /**
   * The issue's security level (Jira's `security` field), a LocalSecurityLevel id; absent, none:
   * whoever may browse the project sees the issue.
   */
  securityLevelId?: string;
}

/** A custom field registered from the app's manifest (jira:customField). */
export interface LocalCustomField {
  id: string; // customfield_10100
  numericId: number;
  name: string;
  description: string;
  moduleKey: string;
  type: 'object' | 'string' | 'number' | 'user' | 'group' | 'date' | 'datetime';
  /** For object fields: JSON schema whose properties may carry `searchAlias`. */
  schema?: Record<string, unknown>;
}
