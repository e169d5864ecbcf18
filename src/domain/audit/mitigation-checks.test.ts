import { audit, clean, findingsOf, mitigation, openTask, threat } from './audit-fixtures';

describe('audit: mitigation-without-task', () => {
  const base = clean();
  const accepted = (over = {}) => [
    mitigation('M-1', [['T-1', 100]], { task: { id: 'id-PAY-100', key: 'PAY-100' } }),
    mitigation(
      'M-2',
      [
        ['T-1', 50],
        ['T-2', 50],
      ],
      { status: 'planned', title: 'Rate-limit refunds', ...over },
    ),
  ];
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

  it('still reports a mitigation whose only task is an issue claiming it by its property alone', () => {
    const result = audit({
      ...base,
      threats,
      mitigations: accepted(),
      tasks: [...base.tasks, openTask('PAY-101', 'M-2', ['T-1', 'T-2'])],
    });
    expect(findingsOf(result, 'mitigation-without-task')).toHaveLength(1);
    expect(findingsOf(result, 'task-unrecorded')[0]?.message).toBe(
      'PAY-101 "Mitigate M-2" (To Do) claims to carry M-2, but the threat model records no task for M-2; its status is ignored.',
    );
  });

  it('reports a recorded task that is no longer among the mitigation tasks', () => {
    const result = audit({ ...base, threats, mitigations: accepted({ task: { id: '77', key: 'PAY-77' } }) });
    const [finding] = findingsOf(result, 'mitigation-without-task');
    expect(finding?.entities.taskKeys).toEqual(['PAY-77']);
    expect(finding?.message).toContain('records task PAY-77, which is not among the project');
  });

  it('does not report a mitigation with the task the model records, a proposed one, or one of retired threats only', () => {
    const recorded = accepted({ task: { id: 'id-PAY-101', key: 'PAY-101' } });
    expect(
      findingsOf(
        audit({
          ...base,
          threats,
          mitigations: recorded,
          tasks: [...base.tasks, openTask('PAY-101', 'M-2', ['T-1', 'T-2'])],
        }),
        'mitigation-without-task',
      ),
    ).toEqual([]);
    expect(
      findingsOf(audit({ ...base, threats, mitigations: accepted({ status: 'proposed' }) }), 'mitigation-without-task'),
    ).toEqual([]);
    const retiredOnly = [threat('T-1', { state: 'retired' })];
    expect(
      findingsOf(
        audit({
          ...base,
          threats: retiredOnly,
          mitigations: [mitigation('M-1', [['T-1', 100]], { status: 'accepted' })],
          tasks: [],
        }),
        'mitigation-without-task',
      ),
    ).toEqual([]);
  });
});
