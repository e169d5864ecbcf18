import type { StoryView } from '../../../../src/domain/story-view';

export function aStoryView(overrides: Partial<StoryView> = {}): StoryView {
  return {
    issueId: '10001',
    issueKey: 'SHOP-1',
    summary: 'As a buyer, I want to pay with my credit card so that I can buy goods',
    clauses: [],
    canEdit: true,
    problems: [],
    ...overrides,
  };
}
