import { storyClausesValue } from '../story/story-clauses';
import { indexStoryLinks, storiesByThreatOf, StoryLinksIndex } from './story-links-index';

const clause = (id: string, text: string, threatIds: string[]) => ({ id, text, threatIds });

describe('the story index the audit stores for the Compliance tab and the report', () => {
  it('counts stories, clauses and linked clauses, and lists each threat’s stories once, in number order', () => {
    const index = indexStoryLinks([
      {
        key: 'PAY-10',
        clausesValue: storyClausesValue([clause('c1', 'a', ['T-1']), clause('c2', 'b', [])], ['T-2'], 1),
      },
      { key: 'PAY-2', clausesValue: storyClausesValue([clause('c3', 'c', ['T-1', 'T-2'])], [], 1) },
      { key: 'PAY-3', clausesValue: undefined }, // a counted story without clauses
      { key: 'PAY-2', clausesValue: storyClausesValue([clause('c3', 'c', ['T-1', 'T-2'])], [], 1) }, // read twice
      { key: 'PAY-4', clausesValue: { clauses: 'not a list' } }, // broken: counts as none
    ]);
    expect(index.evidence).toEqual({ stories: 4, storiesWithClauses: 2, clauses: 3, linkedClauses: 2 });
    expect(Object.fromEntries(storiesByThreatOf(index, 'PAY'))).toEqual({
      'T-1': ['PAY-2', 'PAY-10'],
      'T-2': ['PAY-2', 'PAY-10'],
    });
  });

  it('reads a stored index as input: keys of another project are dropped, a hostile threat id refused', () => {
    const stored = {
      v: 1,
      evidence: { stories: 2, storiesWithClauses: 1, clauses: 1, linkedClauses: 1 },
      byThreat: [['T-1', ['PAY-1', 'SEC-9']]],
    };
    const index = StoryLinksIndex.parse(stored);
    expect(storiesByThreatOf(index, 'PAY').get('T-1')).toEqual(['PAY-1']);
    expect(StoryLinksIndex.safeParse({ ...stored, byThreat: [['__proto__', ['PAY-1']]] }).success).toBe(false);
    expect(StoryLinksIndex.safeParse({ ...stored, byThreat: [['T-1', ['<img src=x>']]] }).success).toBe(false);
    expect(StoryLinksIndex.safeParse({ ...stored, evidence: { ...stored.evidence, stories: -1 } }).success).toBe(false);
  });
});
