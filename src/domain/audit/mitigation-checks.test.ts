import { audit, clean, findingsOf, mitigation, openTask, threat } from './audit-fixtures';

describe('audit: mitigation-without-task', () => {
  const base = clean();
  const accepted = (over = {}) => [mitigation('M-1', [['T-1', 100]]), mitigation('M-2', [['T-1', 50], ['T-2', 50]], { status: 'planned', title: 'Rate-limit refunds', ...over })];
  const threats = [...base.threats, threat('T-2', { probability: 1, impact: 2 })];

  it('reports an accepted, planned or in-progress mitigation no task carries, rated by its worst threat', () => {
    const result = audit({ ...base, threats, mitigations: accepted() });
    const [finding, ...more] = findingsOf(result, 'mitigation-without-task');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      id: 'mitigation-without-task:M-2',
      severity: 'critical',
      score: 20,
      entities: { mitigationIds: ['M-2'], threatIds: ['T-1', 'T-2'], taskKeys: [] },
      fix: { action: 'create-task', label: 'Create the task', target: { mitigationId: 'M-2' } },
    });
    expect(finding?.message).toBe('M-2 "Rate-limit refunds" is planned but no task in the backlog carries it.');
  });

  it('reports a recorded task that is no longer among the mitigation tasks', () => {
    const result = audit({ ...base, threats, mitigations: accepted({ task: { id: '77', key: 'PAY-77' } }) });
    const [finding] = findingsOf(result, 'mitigation-without-task');
    expect(finding?.entities.taskKeys).toEqual(['PAY-77']);
    expect(finding?.message).toContain('records task PAY-77, which is not among the project');
  });

  it('does not report a mitigation with a task (found by its property), a proposed one, or one of retired threats only', () => {
    expect(findingsOf(audit({ ...base, threats, mitigations: accepted(), tasks: [...base.tasks, openTask('PAY-101', 'M-2', ['T-1', 'T-2'])] }), 'mitigation-without-task')).toEqual([]);
    expect(findingsOf(audit({ ...base, threats, mitigations: accepted({ status: 'proposed' }) }), 'mitigation-without-task')).toEqual([]);
    const retiredOnly = [threat('T-1', { state: 'retired' })];
    expect(findingsOf(audit({ ...base, threats: retiredOnly, mitigations: [mitigation('M-1', [['T-1', 100]], { status: 'accepted' })], tasks: [] }), 'mitigation-without-task')).toEqual([]);
  });
});
