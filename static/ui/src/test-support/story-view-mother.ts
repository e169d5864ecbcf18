import type { StoryView } from '../../../../src/contract';

export function aStoryView(overrides: Partial<StoryView> = {}): StoryView {
  return {
    issueId: '10001',
    issueKey: 'SHOP-1',
    summary: 'As a buyer, I want to pay with my credit card so that I can buy goods',
    projectKey: 'SHOP',
    clauses: [],
    directThreatIds: [],
    threats: {},
    revision: 0,
    mitigations: [],
    risk: {},
    task: null,
    canEdit: true,
    canEditThreatModel: true,
    canCreateTasks: true,
    problems: [],
    seen: null,
    ...overrides,
  };
}
