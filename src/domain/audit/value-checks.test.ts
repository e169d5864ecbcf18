import { audit, clean, findingsOf, rawStory, task } from './audit-fixtures';

describe('audit: values that cannot be read', () => {
  const base = clean();

  it('reports unreadable shards of the threat model as one critical finding', () => {
    const result = audit({
      ...base,
      modelProblems: ['Shard 3 of the threat model is not valid JSON.', 'Shard 4 is missing.'],
    });
    const [finding] = findingsOf(result, 'model-unreadable');
    expect(finding).toMatchObject({ id: 'model-unreadable', severity: 'critical', fix: { action: 'fix-value' } });
    expect(finding?.message).toContain('Shard 3 of the threat model is not valid JSON. Shard 4 is missing.');
    expect(findingsOf(audit(base), 'model-unreadable')).toEqual([]);
  });

  it('reports clause values and task properties corrupted through the REST API, with the schema problem', () => {
    const result = audit({
      ...base,
      stories: [...base.stories, rawStory('PAY-9', { clauses: 'oops' })],
      tasks: [...base.tasks, task('PAY-300', 'M-1', ['T-1'], { propertyValue: { v: 2 } })],
    });
    const [clauses] = findingsOf(result, 'invalid-story-clauses');
    expect(clauses).toMatchObject({
      id: 'invalid-story-clauses:PAY-9',
      severity: 'high',
      entities: { storyKeys: ['PAY-9'] },
      fix: { action: 'fix-value', target: { storyKey: 'PAY-9' } },
    });
    expect(clauses?.message).toMatch(
      /^PAY-9 "Story PAY-9": The stored WITHOUT clauses of this story are not valid at clauses: .*expected array/,
    );
    const [property] = findingsOf(result, 'invalid-task-property');
    expect(property).toMatchObject({
      id: 'invalid-task-property:PAY-300',
      severity: 'high',
      entities: { taskKeys: ['PAY-300'] },
      fix: { action: 'fix-value', target: { taskKey: 'PAY-300' } },
    });
    expect(property?.message).toMatch(
      /^PAY-300 "Mitigate M-1" is not readable as a mitigation task: its without.task property is not valid at v: .*1/,
    );
    // The broken values crash nothing and hide nothing else: the rest of the project still audits clean.
    expect(result.findings.map((f) => f.kind).sort()).toEqual(['invalid-story-clauses', 'invalid-task-property']);
  });

  it('reports a task with no property at all, and not a story with no clauses value', () => {
    const result = audit({
      ...base,
      stories: [...base.stories, rawStory('PAY-10', undefined)],
      tasks: [...base.tasks, task('PAY-301', 'M-1', [], { propertyValue: undefined })],
    });
    expect(findingsOf(result, 'invalid-story-clauses')).toEqual([]);
    expect(findingsOf(result, 'invalid-task-property')[0]?.message).toContain('it has no without.task property');
  });
});
