import { audit, clean, findingsOf, story, threat } from './audit-fixtures';

describe('audit: links to retired or unknown threats', () => {
  const base = clean();

  it('reports a link to a retired threat at low, naming where the link is', () => {
    const result = audit({
      ...base,
      threats: [...base.threats, threat('T-2', { title: 'Old checkout flaw', state: 'retired' })],
      stories: [
        story('PAY-1', {
          clauses: [{ id: 'c1', text: 'paying twice', threatIds: ['T-1', 'T-2'] }],
          directThreatIds: ['T-2'],
          statusCategory: 'done',
        }),
      ],
    });
    const [finding, ...more] = findingsOf(result, 'link-to-retired-threat');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      id: 'link-to-retired-threat:PAY-1:T-2',
      severity: 'low',
      entities: { storyKeys: ['PAY-1'], threatIds: ['T-2'], clauseId: 'c1' },
      fix: { action: 'remove-link', target: { storyKey: 'PAY-1', threatId: 'T-2', clauseId: 'c1' } },
    });
    expect(finding?.message).toBe(
      'PAY-1 "Story PAY-1" links T-2 "Old checkout flaw" in the WITHOUT clause "paying twice" and directly, but that threat is retired.',
    );
    // A retired threat is not "uncovered": the retired link is the finding.
    expect(findingsOf(result, 'story-threat-uncovered')).toEqual([]);
  });

  it('reports a link to a threat id the model does not have, at medium', () => {
    const result = audit({ ...base, stories: [...base.stories, story('PAY-7', { directThreatIds: ['T-99'] })] });
    const [finding] = findingsOf(result, 'link-to-unknown-threat');
    expect(finding).toMatchObject({
      id: 'link-to-unknown-threat:PAY-7:T-99',
      severity: 'medium',
      entities: { storyKeys: ['PAY-7'], threatIds: ['T-99'] },
      fix: { action: 'remove-link', target: { storyKey: 'PAY-7', threatId: 'T-99' } },
    });
    expect(finding?.entities.clauseId).toBeUndefined();
    expect(finding?.message).toBe('PAY-7 "Story PAY-7" links T-99 directly, but the threat model has no such threat.');
  });

  it('does not report links to active threats', () => {
    const result = audit(base);
    expect(findingsOf(result, 'link-to-retired-threat')).toEqual([]);
    expect(findingsOf(result, 'link-to-unknown-threat')).toEqual([]);
  });
});
