import Database from 'better-sqlite3';
import type {
  LocalBoard,
  LocalCustomField,
  LocalIssue,
  LocalIssueType,
  LocalProject,
  LocalSprint,
  LocalStatus,
  LocalUser,
} from './model';

/**
 * A grant of a project role to a user; projectKey '*' means every project. A grant for one
 * project wins over the '*' one, so 'none' there takes every permission in that project away.
 */
export interface LocalGrant {
  accountId: string;
  projectKey: string;
  role: ProjectRole | 'none';
}
/**
 * The permission sets people hold in a project. Jira Cloud's permission schemes grant each
 * permission on its own (https://support.atlassian.com/jira-cloud-administration/docs/manage-project-permissions/),
 * so besides the usual three there is a scheduler: schedules, edits and moves issues, but may not
 * create or link them.
 */
export type ProjectRole = 'administrator' | 'developer' | 'scheduler' | 'viewer';

export interface LocalLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface LocalIssueLink {
  id: string;
  typeId: string;
  inwardIssueId: number;
  outwardIssueId: number;
}

/** A project role (Administrators, Developers…); who holds it is per project. */
export interface LocalRole {
  id: number;
  name: string;
  description: string;
}

export interface LocalRoleMembership {
  projectId: number;
  roleId: number;
  accountIds: string[];
  /** Groups that hold the role (Jira's `atlassian-group-role-actor`): every member holds it. */
  groupIds?: string[];
}

/**
 * The fields on the screens of one issue type in one project (Jira's screen scheme, reduced to
 * what the REST API enforces: a create or edit may set only fields on the screen). System fields
 * are on every screen here; custom fields only where a screen lists them.
 */
export interface LocalScreen {
  projectId: number;
  issueTypeId: string;
  fieldIds: string[];
}

export interface LocalGroup {
  groupId: string;
  name: string;
  memberIds: string[];
}

/**
 * An issue security level (Jira Cloud's issue security schemes, reduced to their levels): an
 * issue that carries one exists only for the level's members; for everyone else GET issue
 * answers 404 and search, bulk reads and the bulk permission check leave it out.
 * https://support.atlassian.com/jira-cloud-administration/docs/what-are-issue-security-levels/
 * https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/
 * Members, as Jira's level members: holders of `roleIds` in the level's project (people and
 * groups, as roleMembership has them; Jira's "Project role" member), the people in `accountIds`
 * (Jira's "User" member), and always the issue's reporter and the app (see security-levels.ts).
 */
export interface LocalSecurityLevel {
  id: string;
  projectId: number;
  name: string;
  description: string;
  roleIds: number[];
  accountIds: string[];
}

export interface LocalProjectProperty {
  projectId: number;
  key: string;
  value: unknown;
}

// Every kind of record and the type it holds. The store keeps them all in memory, indexed,
// and writes each change through to SQLite before the request that made it is answered, so
// reads are fast and a restart loses nothing.
interface Kinds {
  user: LocalUser;
  grant: LocalGrant;
  project: LocalProject;
  issueType: LocalIssueType;
  status: LocalStatus;
  issue: LocalIssue;
  projectProperty: LocalProjectProperty;
  board: LocalBoard;
  sprint: LocalSprint;
  linkType: LocalLinkType;
  link: LocalIssueLink;
  customField: LocalCustomField;
  role: LocalRole;
  roleMembership: LocalRoleMembership;
  group: LocalGroup;
  screen: LocalScreen;
  securityLevel: LocalSecurityLevel;
}
export type Kind = keyof Kinds;

export class Store {
  private readonly db: Database.Database;
  private readonly tables = new Map<Kind, Map<string, unknown>>();
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly counterGet: Database.Statement;
  private readonly counterSet: Database.Statement;
  private readonly issuesByKey = new Map<string, LocalIssue>();
  private readonly issueListeners: Array<(id: string, value: LocalIssue | undefined) => void> = [];

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS record (kind TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id));
      CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
    this.upsert = this.db.prepare(
      'INSERT INTO record (kind, id, json) VALUES (?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json',
    );
    this.remove = this.db.prepare('DELETE FROM record WHERE kind = ? AND id = ?');
    this.counterGet = this.db.prepare('SELECT value FROM counter WHERE name = ?');
    this.counterSet = this.db.prepare(
      'INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.load();
  }

  private load(): void {
    const rows = this.db.prepare('SELECT kind, id, json FROM record').all() as Array<{
      kind: Kind;
      id: string;
      json: string;
    }>;
    for (const row of rows) this.table(row.kind).set(row.id, JSON.parse(row.json));
    for (const issue of this.all('issue')) this.issuesByKey.set(issue.key.toUpperCase(), issue);
  }

  private table<K extends Kind>(kind: K): Map<string, Kinds[K]> {
    let table = this.tables.get(kind);
    if (!table) {
      table = new Map();
      this.tables.set(kind, table);
    }
    return table as Map<string, Kinds[K]>;
  }

  get<K extends Kind>(kind: K, id: string | number): Kinds[K] | undefined {
    return this.table(kind).get(String(id));
  }

  all<K extends Kind>(kind: K): Kinds[K][] {
    return [...this.table(kind).values()];
  }

  count(kind: Kind): number {
    return this.table(kind).size;
  }

  put<K extends Kind>(kind: K, id: string | number, value: Kinds[K]): Kinds[K] {
    this.upsert.run(kind, String(id), JSON.stringify(value));
    this.table(kind).set(String(id), value);
    if (kind === 'issue') {
      this.issuesByKey.set((value as LocalIssue).key.toUpperCase(), value as LocalIssue);
      for (const listener of this.issueListeners) listener(String(id), value as LocalIssue);
    }
    return value;
  }

  delete(kind: Kind, id: string | number): boolean {
    const existing = this.table(kind).get(String(id));
    if (existing === undefined) return false;
    this.remove.run(kind, String(id));
    this.table(kind).delete(String(id));
    if (kind === 'issue') {
      this.issuesByKey.delete((existing as LocalIssue).key.toUpperCase());
      for (const listener of this.issueListeners) listener(String(id), undefined);
    }
    return true;
  }

  /** Told of every issue written or deleted (the search index follows the store with it). */
  onIssueWrite(listener: (id: string, value: LocalIssue | undefined) => void): void {
    this.issueListeners.push(listener);
  }

  issueByKey(key: string): LocalIssue | undefined {
    return this.issuesByKey.get(key.toUpperCase());
  }

  /** Next value of a named sequence (issue ids, per-project issue numbers, link ids…). */
  next(name: string, start = 1): number {
    const row = this.counterGet.get(name) as { value: number } | undefined;
    const value = row ? row.value + 1 : start;
    this.counterSet.run(name, value);
    return value;
  }

  /** Runs several writes as one SQLite transaction (used by seeding for speed). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }
}
