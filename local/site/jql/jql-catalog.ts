import type { LocalCustomField, LocalIssueType, LocalProject, LocalSprint, LocalStatus } from '../model';

/** One value of a `jira:entityProperty` module of the app's manifest. */
export interface IndexedPropertyValue {
  propertyKey: string;
  path: string;
  type: 'number' | 'string' | 'text' | 'user' | 'date';
  searchAlias?: string;
}

/** What the evaluator needs to know about the site to resolve names in a query. */
export interface JqlCatalog {
  projects: LocalProject[];
  issueTypes: LocalIssueType[];
  statuses: LocalStatus[];
  sprints: LocalSprint[];
  customFields: LocalCustomField[];
  indexedProperties: IndexedPropertyValue[];
  currentAccountId: string;
}

/** Compile-time facts shared by the field definitions. */
export interface JqlContext {
  currentAccountId: string;
  /** Epoch milliseconds that relative dates such as '-5d' count from. */
  now: number;
}
