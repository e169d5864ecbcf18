import type { LocalIssue } from '../model';
import { compileJql, JqlError, type JqlCatalog } from './compile-jql';
import { aCatalog, someIssues } from './jql-site.mother';

const ISSUES = someIssues();

/** The keys of the matching issues, in the query's order. */
function search(jql: string, catalog: JqlCatalog = aCatalog(), issues: LocalIssue[] = ISSUES): string[] {
  const compiled = compileJql(jql, catalog);
  return issues
    .filter((issue) => compiled.matches(issue))
    .sort((a, b) => compiled.compare(a, b))
    .map((issue) => issue.key);
}

const byKey = (keys: string[]) => [...keys].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** The keys of the matching issues, sorted by key, for tests about which issues match. */
const matching = (jql: string, catalog?: JqlCatalog) => byKey(search(jql, catalog));

function errorsOf(jql: string, catalog: JqlCatalog = aCatalog()): string[] {
  try {
    compileJql(jql, catalog);
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages;
    throw error;
  }
  throw new Error(`expected '${jql}' to be rejected`);
}

const ALL_KEYS = byKey(ISSUES.map((issue) => issue.key));

describe('compileJql', () => {
  describe('an empty query', () => {
    it.each(['', '   '])('matches every issue (%j)', (jql) => {
      expect(matching(jql)).toEqual(ALL_KEYS);
    });
  });

  describe('project', () => {
    it.each(['project = SHOP', 'project = shop', 'project = "Web Shop"', 'project = 10000', 'PROJECT in (SHOP)'])(
      'finds by key, name or id: %s',
      (jql) => {
        expect(matching(jql)).toHaveLength(8);
      },
    );

    it('supports != and NOT IN', () => {
      expect(matching('project != SHOP')).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-10']);
      expect(matching('project not in (SHOP, "Operations")')).toEqual([]);
    });

    it('rejects a project that does not exist, and a text operator', () => {
      expect(errorsOf('project = XYZ')).toEqual(["The value 'XYZ' does not exist for the field 'project'."]);
      expect(errorsOf('project ~ SHOP')).toEqual(["The operator '~' is not supported by the 'project' field."]);
    });
  });

  describe('key, issuekey, issue and id', () => {
    it('finds by key in any case, and by id', () => {
      expect(matching('key = shop-2')).toEqual(['SHOP-2']);
      expect(matching('issuekey in (SHOP-1, OPS-10)')).toEqual(['OPS-10', 'SHOP-1']);
      expect(matching('id = 10003')).toEqual(['SHOP-3']);
      expect(matching('issue = SHOP-3')).toEqual(['SHOP-3']);
    });

    it('supports NOT IN and comparisons by issue number within a project', () => {
      expect(matching('project = OPS and key not in (OPS-1, OPS-2)')).toEqual(['OPS-3', 'OPS-10']);
      expect(matching('key < SHOP-3')).toEqual(['SHOP-1', 'SHOP-2']);
      expect(matching('key >= OPS-3')).toEqual(['OPS-3', 'OPS-10']);
    });

    it('rejects an invalid key and a key of an unknown project', () => {
      expect(errorsOf('key = banana')).toEqual(["The issue key 'banana' for field 'key' is invalid."]);
      expect(errorsOf('key = NOPE-1')).toEqual(["An issue with key 'NOPE-1' does not exist for field 'key'."]);
    });
  });

  describe('issuetype, status and statusCategory', () => {
    it('finds issue types by name or id, and by function', () => {
      expect(matching('issuetype = Bug')).toEqual(['OPS-2', 'SHOP-5']);
      expect(matching('type in (10003, "sub-task")')).toEqual(['OPS-2', 'SHOP-5', 'SHOP-7']);
      expect(matching('issuetype in subTaskIssueTypes()')).toEqual(['SHOP-7']);
      expect(matching('issuetype in standardIssueTypes()')).toHaveLength(11);
    });

    it('finds statuses by name or id', () => {
      expect(matching('status = "in progress"')).toEqual(['OPS-3', 'SHOP-2', 'SHOP-8']);
      expect(matching('status not in (1, 3)')).toEqual(['OPS-2', 'SHOP-1', 'SHOP-4']);
    });

    it.each(['statusCategory = "To Do"', 'statusCategory = new', 'statusCategory = 2'])(
      'finds status categories: %s',
      (jql) => {
        expect(matching(jql)).toEqual(['OPS-1', 'OPS-10', 'SHOP-3', 'SHOP-5', 'SHOP-6', 'SHOP-7']);
      },
    );

    it('finds the Done category by key and by id', () => {
      expect(matching('statusCategory in (done)')).toEqual(matching('statusCategory = 3'));
      expect(matching('statusCategory = indeterminate')).toEqual(matching('status = "In Progress"'));
    });

    it('rejects unknown values', () => {
      expect(errorsOf('issuetype = Epic')).toEqual(["The value 'Epic' does not exist for the field 'issuetype'."]);
      expect(errorsOf('status = Closed')).toEqual(["The value 'Closed' does not exist for the field 'status'."]);
      expect(errorsOf('statusCategory = Finished')).toEqual([
        "The value 'Finished' does not exist for the field 'statusCategory'.",
      ]);
    });
  });

  describe('labels', () => {
    it('matches regardless of case', () => {
      expect(matching('labels = payments')).toEqual(['SHOP-1', 'SHOP-2']);
      expect(matching('labels in (SECURITY, ux)')).toEqual(['SHOP-1', 'SHOP-5', 'SHOP-8']);
    });

    it('never matches an issue without labels with != or NOT IN', () => {
      expect(matching('labels != payments')).toEqual(['OPS-1', 'SHOP-5', 'SHOP-8']);
      expect(matching('labels not in (payments, security)')).toEqual(['OPS-1', 'SHOP-8']);
    });

    it('supports IS EMPTY, IS NOT EMPTY, = EMPTY and EMPTY in a list', () => {
      const withLabels = ['OPS-1', 'SHOP-1', 'SHOP-2', 'SHOP-5', 'SHOP-8'];
      expect(matching('labels is not empty')).toEqual(withLabels);
      expect(matching('labels is EMPTY')).toEqual(ALL_KEYS.filter((key) => !withLabels.includes(key)));
      expect(matching('labels = null')).toEqual(matching('labels is empty'));
      expect(matching('labels in (ux, EMPTY)')).toEqual(byKey([...matching('labels is empty'), 'SHOP-8']));
    });
  });

  describe('text search', () => {
    it('finds words of the summary, ignoring case and a plural', () => {
      expect(matching('summary ~ login')).toEqual(['SHOP-4', 'SHOP-5']);
      expect(matching('summary ~ "CARDS"')).toEqual(['SHOP-1', 'SHOP-3']);
      expect(matching('summary ~ "card pay"')).toEqual(['SHOP-1']);
    });

    it('supports wildcards and exact phrases', () => {
      expect(matching('summary ~ "refund*"')).toEqual(['SHOP-2', 'SHOP-7']);
      expect(matching('summary ~ "\\"credit card\\""')).toEqual(['SHOP-1']);
      expect(matching('summary ~ "\\"card credit\\""')).toEqual([]);
    });

    it('searches the text nodes of an ADF description, and both with text', () => {
      expect(matching('description ~ stolen')).toEqual(['SHOP-1']);
      expect(matching('text ~ stolen OR text ~ "order"')).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-6']);
      expect(matching('description is not empty')).toEqual(['SHOP-1']);
    });

    it('excludes matching issues with !~', () => {
      expect(matching('summary !~ login and project = SHOP')).toEqual([
        'SHOP-1',
        'SHOP-2',
        'SHOP-3',
        'SHOP-6',
        'SHOP-7',
        'SHOP-8',
      ]);
      expect(matching('description !~ stolen')).toEqual([]);
    });

    it('rejects what it would misread', () => {
      expect(errorsOf('text !~ card')).toEqual(["The operator '!~' is not supported by the 'text' field."]);
      expect(errorsOf('summary ~ ""')).toEqual(["The field 'summary' does not support searching for an empty string."]);
      expect(errorsOf('summary ~ "*card"')).toEqual([
        "The text query '*card' for field 'summary' is not allowed to start with the wildcard character '*' or '?'.",
      ]);
      expect(errorsOf('summary ~ "card OR login"')).toEqual([
        "The local Jira site does not support the text search operator 'OR'.",
      ]);
    });
  });

  describe('sprint', () => {
    it('finds by id, by name and by a list of ids', () => {
      expect(matching('sprint = 1')).toEqual(['SHOP-1', 'SHOP-4']);
      expect(matching('sprint = "sprint 2"')).toEqual(['SHOP-2', 'SHOP-3']);
      expect(matching('sprint in (1, 3)')).toEqual(['SHOP-1', 'SHOP-4', 'SHOP-5', 'SHOP-8']);
    });

    it('supports EMPTY, and != never matches an issue in no sprint', () => {
      expect(matching('sprint is empty')).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-10', 'SHOP-6', 'SHOP-7']);
      expect(matching('sprint is not empty')).toHaveLength(6);
      expect(matching('sprint != 2')).toEqual(['SHOP-1', 'SHOP-4', 'SHOP-5', 'SHOP-8']);
    });

    it('supports openSprints(), futureSprints() and closedSprints()', () => {
      expect(matching('sprint in openSprints()')).toEqual(['SHOP-2', 'SHOP-3', 'SHOP-5', 'SHOP-8']);
      expect(matching('sprint in futureSprints()')).toEqual(['SHOP-5', 'SHOP-8']);
      expect(matching('sprint in closedSprints()')).toEqual(['SHOP-1', 'SHOP-4']);
      expect(matching('sprint not in openSprints()')).toEqual(['SHOP-1', 'SHOP-4']);
    });

    it('rejects an unknown sprint and arguments to a sprint function', () => {
      expect(errorsOf('sprint = 99')).toEqual(["The value '99' does not exist for the field 'sprint'."]);
      expect(errorsOf('sprint = "Sprint 9"')).toEqual(["The value 'Sprint 9' does not exist for the field 'sprint'."]);
      expect(errorsOf('sprint in openSprints(1)')).toEqual([
        "Function 'openSprints' expected '0' arguments but got '1'.",
      ]);
    });
  });

  describe('assignee and reporter', () => {
    it('supports currentUser() and account ids', () => {
      expect(matching('assignee = currentUser()')).toEqual(['OPS-3', 'SHOP-1', 'SHOP-4', 'SHOP-8']);
      expect(matching('assignee in (carol, currentUser())')).toEqual(['OPS-3', 'SHOP-1', 'SHOP-4', 'SHOP-6', 'SHOP-8']);
      expect(matching('reporter = carol')).toEqual(['OPS-1']);
      expect(matching('assignee = currentUser()', aCatalog({ currentAccountId: 'carol' }))).toEqual(['SHOP-6']);
    });

    it('supports IS EMPTY, and != never matches an unassigned issue', () => {
      expect(matching('assignee is empty')).toEqual([
        'OPS-1',
        'OPS-2',
        'OPS-10',
        'SHOP-2',
        'SHOP-3',
        'SHOP-5',
        'SHOP-7',
      ]);
      expect(matching('assignee != currentUser()')).toEqual(['SHOP-6']);
      expect(matching('reporter is empty')).toEqual([]);
    });
  });

  describe('issue entity properties', () => {
    it('finds a string at a declared path, any element of an array counting', () => {
      expect(matching('issue.property[without-task].threatIds = T-3')).toEqual(['SHOP-4']);
      expect(matching('issue.property[without-task].threatIds in (T-1, T-9)')).toEqual(['OPS-1', 'SHOP-3']);
      expect(matching('issue.property["without-task"].mitigationId != M-1')).toEqual(['OPS-1', 'SHOP-4']);
      expect(matching('issue.property[without-task].mitigationId not in (M-1, M-2)')).toEqual(['OPS-1']);
    });

    it('compares numbers at a nested path', () => {
      expect(matching('issue.property[without-task].risk.severity >= 12')).toEqual(['OPS-1', 'SHOP-3']);
      expect(matching('issue.property[without-task].risk.severity < 12')).toEqual(['SHOP-4']);
      expect(matching('issue.property[without-task].risk.severity = 4')).toEqual(['SHOP-4']);
    });

    it('supports IS EMPTY and IS NOT EMPTY', () => {
      expect(matching('issue.property[without-task].mitigationId is not empty')).toEqual(['OPS-1', 'SHOP-3', 'SHOP-4']);
      expect(matching('issue.property[without-task].notes is empty and project = OPS')).toEqual([
        'OPS-1',
        'OPS-2',
        'OPS-3',
        'OPS-10',
      ]);
    });

    it('searches text values by word and compares date values', () => {
      expect(matching('issue.property[without-task].notes ~ rotating')).toEqual(['SHOP-3']);
      expect(matching('issue.property[without-task].due > "2024-02-15"')).toEqual(['SHOP-3']);
      expect(matching('issue.property[without-task].due < "2024/02/15"')).toEqual([]);
    });

    it('finds a value by its searchAlias used as a field name', () => {
      expect(matching('mitigatedThreat = T-2')).toEqual(['SHOP-4']);
      expect(matching('MITIGATEDTHREAT in (T-1, T-3)')).toEqual(['SHOP-3', 'SHOP-4']);
    });

    it('matches nothing at a path that is not indexed, whatever the operator', () => {
      for (const jql of [
        'issue.property[without-task].secret = x',
        'issue.property[without-task].secret is empty',
        'issue.property[other].threatIds != T-1',
      ]) {
        expect(matching(jql)).toEqual([]);
      }
    });

    it('rejects a number that is not a number', () => {
      expect(errorsOf('issue.property[without-task].risk.severity > high')).toEqual([
        "The value 'high' is not a valid number for the field 'issue.property[without-task].risk.severity'.",
      ]);
    });
  });

  describe("the app's custom fields", () => {
    it.each([
      '"WITHOUT clauses".threat = T-1',
      "'without clauses'.threat = T-1",
      'cf[10100].threat = T-1',
      'customfield_10100.threat = T-1',
      '"WITHOUT clauses".THREAT in (T-1)',
    ])('finds an object field property by its searchAlias: %s', (jql) => {
      expect(matching(jql)).toEqual(['SHOP-1']);
    });

    it('counts any element of an array, and supports the negative operators and EMPTY', () => {
      expect(matching('cf[10100].threat in (T-2, T-3)')).toEqual(['SHOP-1', 'SHOP-2']);
      expect(matching('cf[10100].threat != T-1')).toEqual(['SHOP-2']);
      expect(matching('"WITHOUT clauses".threat is empty and "WITHOUT clauses" is not empty')).toEqual(['SHOP-5']);
      expect(matching('"WITHOUT clauses".hasClauses = "true"')).toEqual(['SHOP-1', 'SHOP-2']);
    });

    it('supports IS EMPTY and a text search on the object field itself', () => {
      expect(matching('"WITHOUT clauses" is not empty')).toEqual(['SHOP-1', 'SHOP-2', 'SHOP-5']);
      expect(matching('cf[10100] is empty and project = SHOP')).toEqual([
        'SHOP-3',
        'SHOP-4',
        'SHOP-6',
        'SHOP-7',
        'SHOP-8',
      ]);
      expect(matching('"WITHOUT clauses" ~ stolen')).toEqual(['SHOP-1']);
    });

    it('searches number and user custom fields by name or id', () => {
      expect(matching('"Story points" > 5')).toEqual(['SHOP-8']);
      expect(matching('cf[10101] in (5, 8)')).toEqual(['SHOP-6', 'SHOP-8']);
      expect(matching('Reviewer = currentUser()')).toEqual(['SHOP-8']);
    });

    it('rejects an unknown alias and an operator the object field does not support', () => {
      expect(errorsOf('"WITHOUT clauses".mitigation = M-1')).toEqual([
        "Field 'WITHOUT clauses.mitigation' does not exist or you do not have permission to view it.",
      ]);
      expect(errorsOf('cf[10100] = T-1')).toEqual(["The operator '=' is not supported by the 'cf[10100]' field."]);
    });
  });

  describe('dates', () => {
    it('compares created and updated with absolute dates', () => {
      expect(matching('created >= "2024-01-11"')).toEqual(['OPS-3', 'OPS-10']);
      expect(matching('created < "2024/01/02 12:00"')).toEqual(['SHOP-1', 'SHOP-2']);
    });

    it('rejects a date it cannot read', () => {
      expect(errorsOf('created > yesterday')[0]).toMatch(/^Date value 'yesterday' for field 'created' is invalid\./);
    });
  });

  describe('AND, OR, NOT and parentheses', () => {
    it('binds AND tighter than OR', () => {
      expect(matching('project = OPS AND status = Done OR labels = ux')).toEqual(['OPS-2', 'SHOP-8']);
      expect(matching('project = OPS AND (status = Done OR labels = infra)')).toEqual(['OPS-1', 'OPS-2']);
    });

    it('negates with NOT and !, including issues where the field is empty', () => {
      expect(matching('project = SHOP and NOT labels = security')).toEqual([
        'SHOP-2',
        'SHOP-3',
        'SHOP-4',
        'SHOP-6',
        'SHOP-7',
        'SHOP-8',
      ]);
      expect(matching('!(project = SHOP or status = "To Do")')).toEqual(['OPS-2', 'OPS-3']);
    });
  });

  describe('ORDER BY', () => {
    it('orders by created DESC, then id DESC, when the query has no order', () => {
      expect(search('project = OPS')).toEqual(['OPS-10', 'OPS-3', 'OPS-2', 'OPS-1']);
    });

    it('orders keys by project key, then by issue number', () => {
      expect(search('project = OPS OR key in (SHOP-2, SHOP-10) ORDER BY key')).toEqual([
        'OPS-1',
        'OPS-2',
        'OPS-3',
        'OPS-10',
        'SHOP-2',
      ]);
      expect(search('project = OPS order by key desc')).toEqual(['OPS-10', 'OPS-3', 'OPS-2', 'OPS-1']);
    });

    it('orders by rank, summary, created and updated', () => {
      expect(search('project = SHOP ORDER BY rank')).toEqual([
        'SHOP-3',
        'SHOP-4',
        'SHOP-2',
        'SHOP-5',
        'SHOP-1',
        'SHOP-6',
        'SHOP-7',
        'SHOP-8',
      ]);
      expect(search('sprint = 2 ORDER BY summary DESC')).toEqual(['SHOP-2', 'SHOP-3']);
      expect(search('project = OPS ORDER BY created ASC')).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-10']);
      expect(search('project = OPS ORDER BY updated')).toEqual(['OPS-10', 'OPS-3', 'OPS-2', 'OPS-1']);
    });

    it('orders by several fields, status by category, and ignores priority', () => {
      expect(search('project = OPS ORDER BY status DESC, key ASC')).toEqual(['OPS-2', 'OPS-3', 'OPS-1', 'OPS-10']);
      expect(search('project = OPS ORDER BY priority, key')).toEqual(['OPS-1', 'OPS-2', 'OPS-3', 'OPS-10']);
      expect(search('ORDER BY rank')).toHaveLength(12);
    });

    it('rejects a field that does not exist or cannot be sorted by', () => {
      expect(errorsOf('project = OPS ORDER BY foo')).toEqual([
        "Field 'foo' does not exist or you do not have permission to view it.",
      ]);
      expect(errorsOf('project = OPS ORDER BY labels')).toEqual(["Field 'labels' does not support sorting."]);
    });
  });

  describe('errors', () => {
    it('rejects unknown fields and fields the local site does not evaluate', () => {
      expect(errorsOf('foo = bar')).toEqual(["Field 'foo' does not exist or you do not have permission to view it."]);
      expect(errorsOf('"no such field" = bar')).toEqual([
        "Field 'no such field' does not exist or you do not have permission to view it.",
      ]);
      expect(errorsOf('priority = High')).toEqual(["Field 'priority' is not supported by the local Jira site."]);
    });

    it('rejects unknown functions and functions a field does not take', () => {
      expect(errorsOf('assignee = bogus()')).toEqual(["Unable to find JQL function 'bogus()'."]);
      expect(errorsOf('project in bogus(1, "a b")')).toEqual(["Unable to find JQL function 'bogus(1, a b)'."]);
      expect(errorsOf('project = currentUser()')).toEqual([
        "The function 'currentUser' is not supported by the 'project' field.",
      ]);
      expect(errorsOf('assignee in membersOf(admins)')).toEqual([
        "The JQL function 'membersOf(admins)' is not supported by the local Jira site.",
      ]);
    });

    it('rejects operators and operands that do not fit the field', () => {
      expect(errorsOf('labels > a')).toEqual(["The operator '>' is not supported by the 'labels' field."]);
      expect(errorsOf('status was Done')).toEqual(["The operator 'was' is not supported by the 'status' field."]);
      expect(errorsOf('status changed')).toEqual(["The operator 'changed' is not supported by the 'status' field."]);
      expect(errorsOf('summary ~ EMPTY')).toEqual(["The operator '~' does not support the EMPTY operand."]);
    });

    it('reports every problem of a query at once', () => {
      expect(errorsOf('project = XYZ AND foo = 1 ORDER BY bar')).toEqual([
        "The value 'XYZ' does not exist for the field 'project'.",
        "Field 'foo' does not exist or you do not have permission to view it.",
        "Field 'bar' does not exist or you do not have permission to view it.",
      ]);
    });

    it.each([
      [
        'project = ',
        'Error in the JQL Query: Expecting either a value, list or function but got end of query. (line 1, character 11)',
      ],
      [
        'project SHOP',
        "Error in the JQL Query: Expecting operator but got 'SHOP'. Valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
      ],
      [
        'project = SHOP labels = x',
        "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'labels'. (line 1, character 16)",
      ],
      [
        'project = SHOP AND',
        'Error in the JQL Query: Expecting a field name but got end of query. (line 1, character 19)',
      ],
      [
        'summary ~ "unfinished',
        `Error in the JQL Query: The quoted string '"unfinished' has not been completed. (line 1, character 11)`,
      ],
      [
        'project = SHOP\nAND labels in (a, b',
        "Error in the JQL Query: Expecting either ',' or ')' but got end of query. (line 2, character 20)",
      ],
      [
        'labels = (a, b)',
        "Error in the JQL Query: Expecting either a value, list or function but got '('. (line 1, character 10)",
      ],
      [
        'labels = true',
        "Error in the JQL Query: Expecting either a value, list or function but got 'true'. You must surround 'true' in quotation marks to use it as a value. (line 1, character 10)",
      ],
      [
        'cf[10100].threat = T-1 AND',
        'Error in the JQL Query: Expecting a field name but got end of query. (line 1, character 27)',
      ],
    ])('words a syntax error like Jira: %j', (jql, message) => {
      expect(errorsOf(jql)).toEqual([message]);
    });
  });

  it('compiles once and then matches many issues cheaply', () => {
    const compiled = compileJql(
      'project = SHOP AND labels in (security) AND "WITHOUT clauses".threat = T-1',
      aCatalog(),
    );
    const many = Array.from({ length: 5000 }, (_, i) => ISSUES[i % ISSUES.length] as LocalIssue);
    expect(many.filter((issue) => compiled.matches(issue))).toHaveLength(Math.ceil(5000 / 12));
  });
});
