import type { LocalCustomField, LocalIssue } from '../model';
import type { JqlCatalog } from './jql-catalog';

// A small site for the JQL tests: two projects, a sprint of each state, the app's
// WITHOUT clauses object field, two scalar custom fields, and indexed task properties.

export const WITHOUT_FIELD: LocalCustomField = {
  id: 'customfield_10100',
  numericId: 10100,
  name: 'WITHOUT clauses',
  description: 'What must not happen along the way.',
  moduleKey: 'without-clauses',
  type: 'object',
  schema: {
    properties: {
      clauses: { type: 'array', items: { type: 'object' } },
      threatIds: { type: 'array', items: { type: 'string' }, searchAlias: 'threat' },
      hasClauses: { type: 'string', searchAlias: 'hasClauses' },
      directThreatIds: { type: 'array', items: { type: 'string' } },
    },
  },
};

const scalarField = (numericId: number, name: string, type: LocalCustomField['type']): LocalCustomField => ({
  id: `customfield_${numericId}`,
  numericId,
  name,
  description: '',
  moduleKey: name.toLowerCase().replace(/ /g, '-'),
  type,
});

export function aCatalog(overrides: Partial<JqlCatalog> = {}): JqlCatalog {
  return {
    projects: [
      { id: 10000, key: 'SHOP', name: 'Web Shop', leadAccountId: 'alice' },
      { id: 10001, key: 'OPS', name: 'Operations', leadAccountId: 'bob' },
    ],
    issueTypes: [
      { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
      { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
      { id: '10003', name: 'Bug', subtask: false, hierarchyLevel: 0 },
      { id: '10004', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
    ],
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'Done', category: 'done' },
    ],
    sprints: [
      { id: 1, boardId: 1, name: 'Sprint 1', state: 'closed', goal: '' },
      { id: 2, boardId: 1, name: 'Sprint 2', state: 'active', goal: '' },
      { id: 3, boardId: 1, name: 'Sprint 3', state: 'future', goal: '' },
    ],
    customFields: [WITHOUT_FIELD, scalarField(10101, 'Story points', 'number'), scalarField(10102, 'Reviewer', 'user')],
    indexedProperties: [
      { propertyKey: 'without-task', path: 'threatIds', type: 'string', searchAlias: 'mitigatedThreat' },
      { propertyKey: 'without-task', path: 'mitigationId', type: 'string' },
      { propertyKey: 'without-task', path: 'risk.severity', type: 'number' },
      { propertyKey: 'without-task', path: 'notes', type: 'text' },
      { propertyKey: 'without-task', path: 'due', type: 'date' },
    ],
    currentAccountId: 'alice',
    ...overrides,
  };
}

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

let nextId = 10001;

export function anIssue(overrides: Partial<LocalIssue> & Pick<LocalIssue, 'key'>): LocalIssue {
  const id = nextId++;
  return {
    id,
    projectId: overrides.key.startsWith('OPS-') ? 10001 : 10000,
    issueTypeId: '10002',
    statusId: '1',
    summary: `Issue ${overrides.key}`,
    description: null,
    labels: [],
    reporterAccountId: 'bob',
    assigneeAccountId: null,
    created: new Date(Date.UTC(2024, 0, 1) + (id - 10001) * 86_400_000).toISOString(),
    updated: '2024-02-01T00:00:00.000Z',
    rank: id,
    sprintId: null,
    customFields: {},
    properties: {},
    ...overrides,
  };
}

/** A dozen issues, created one a day from 2024-01-01 in this order. */
export function someIssues(): LocalIssue[] {
  nextId = 10001;
  return [
    anIssue({
      key: 'SHOP-1',
      issueTypeId: '10001',
      statusId: '10001',
      labels: ['security', 'Payments'],
      sprintId: 1,
      assigneeAccountId: 'alice',
      summary: 'Pay with credit card',
      description: paragraph('Card data must not be stolen.'),
      rank: 50,
      customFields: {
        customfield_10100: {
          clauses: [{ id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] }],
          threatIds: ['T-1', 'T-2'],
          hasClauses: 'true',
        },
      },
    }),
    anIssue({
      key: 'SHOP-2',
      issueTypeId: '10001',
      statusId: '3',
      labels: ['payments'],
      sprintId: 2,
      summary: 'Refund an order',
      rank: 30,
      customFields: { customfield_10100: { clauses: [], threatIds: ['T-3'], hasClauses: 'true' } },
    }),
    anIssue({
      key: 'SHOP-3',
      sprintId: 2,
      summary: 'Encrypt card numbers at rest',
      rank: 10,
      properties: {
        'without-task': {
          threatIds: ['T-1'],
          mitigationId: 'M-1',
          risk: { severity: 12 },
          notes: 'Use AES with rotating keys',
          due: '2024-03-01',
        },
      },
    }),
    anIssue({
      key: 'SHOP-4',
      statusId: '10001',
      sprintId: 1,
      assigneeAccountId: 'alice',
      summary: 'Rate limit login',
      rank: 20,
      properties: { 'without-task': { threatIds: ['T-2', 'T-3'], mitigationId: 'M-2', risk: { severity: 4 } } },
    }),
    anIssue({
      key: 'SHOP-5',
      issueTypeId: '10003',
      labels: ['security'],
      sprintId: 3,
      summary: 'Login page leaks stack traces',
      rank: 40,
      customFields: { customfield_10100: { clauses: [], threatIds: [], hasClauses: 'false' } },
    }),
    anIssue({
      key: 'SHOP-6',
      issueTypeId: '10001',
      assigneeAccountId: 'carol',
      summary: 'Show order history',
      rank: 60,
      customFields: { customfield_10101: 5 },
    }),
    anIssue({ key: 'SHOP-7', issueTypeId: '10004', summary: 'Write unit tests for refunds', rank: 70 }),
    anIssue({
      key: 'SHOP-8',
      issueTypeId: '10001',
      statusId: '3',
      labels: ['ux'],
      sprintId: 3,
      assigneeAccountId: 'alice',
      summary: 'Checkout payments page',
      rank: 80,
      customFields: { customfield_10101: 8, customfield_10102: 'alice' },
    }),
    anIssue({
      key: 'OPS-1',
      labels: ['infra'],
      reporterAccountId: 'carol',
      summary: 'Rotate database credentials',
      rank: 90,
      properties: { 'without-task': { threatIds: ['T-9'], mitigationId: 'M-9', risk: { severity: 20 } } },
    }),
    anIssue({ key: 'OPS-2', issueTypeId: '10003', statusId: '10001', summary: 'Backup restore fails', rank: 100 }),
    anIssue({ key: 'OPS-3', statusId: '3', assigneeAccountId: 'alice', summary: 'Patch servers', rank: 110 }),
    anIssue({ key: 'OPS-10', summary: 'Monitor alerts', rank: 120 }),
  ];
}
