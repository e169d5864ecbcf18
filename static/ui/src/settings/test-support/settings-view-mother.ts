import type { KnowledgeBaseSummary, SettingsView } from '../../../../../src/contract';
import { DEFAULT_STATUS_MAPPING } from '../../../../../src/domain/mitigation/task-status';
import { DEFAULT_KNOWLEDGE_BASE_SETTINGS } from '../../../../../src/domain/knowledge-base/knowledge-base-settings';
import { DEFAULT_STORY_COVERAGE_SETTINGS } from '../../../../../src/domain/audit/story-coverage-settings';
import { DEFAULT_RISK_SETTINGS } from '../../../../../src/domain/threat-model/risk-settings';

export function aSettingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    projectKey: 'PAY',
    settings: {
      editorRoleIds: ['10002'],
      editorGroupIds: [],
      taskIssueTypeName: 'Task',
      statusMapping: DEFAULT_STATUS_MAPPING,
      knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
      storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
      risk: DEFAULT_RISK_SETTINGS,
    },
    roles: [
      { id: '10002', name: 'Developers' },
      { id: '10003', name: 'Security champions' },
    ],
    groups: [
      { id: 'g-appsec', name: 'appsec' },
      { id: 'g-qa', name: 'qa' },
    ],
    issueTypes: ['Story', 'Task', 'Bug'],
    statuses: [
      { name: 'To Do', categoryKey: 'new' },
      { name: 'In Review', categoryKey: 'indeterminate' },
      { name: 'Done', categoryKey: 'done' },
    ],
    knowledgeBases: [aKnowledgeBaseSummary()],
    canEdit: true,
    problems: [],
    ...overrides,
  };
}

export function aKnowledgeBaseSummary(overrides: Partial<KnowledgeBaseSummary> = {}): KnowledgeBaseSummary {
  return {
    id: 'web-and-api',
    name: 'Web applications and APIs',
    version: '2026.11.1',
    description: 'Threats of web applications and HTTP APIs.',
    sourceFormat: 'built-in',
    counts: { threats: 61, mitigations: 58, questions: 36 },
    builtIn: true,
    active: true,
    threatCount: 0,
    ...overrides,
  };
}
