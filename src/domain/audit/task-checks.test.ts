import { audit, clean, findingsOf, mitigation, task } from './audit-fixtures';

describe('audit: orphan-task', () => {
  const base = clean();

  it('reports a task whose mitigation is gone from the model, offering to unlink it', () => {
    const result = audit({
      ...base,
      tasks: [...base.tasks, task('PAY-200', 'M-9', ['T-1'], { summary: 'Encrypt backups' })],
    });
    const [finding, ...more] = findingsOf(result, 'orphan-task');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({
      id: 'orphan-task:PAY-200',
      severity: 'critical',
      entities: { taskKeys: ['PAY-200'], mitigationIds: ['M-9'], threatIds: ['T-1'] },
      fix: { action: 'remove-link', target: { taskKey: 'PAY-200', mitigationId: 'M-9' } },
    });
    expect(finding?.message).toBe(
      'PAY-200 "Encrypt backups" (Done) carries mitigation M-9, no longer in the threat model.',
    );
  });

  it('reports a task naming threats that are gone, at medium when no known threat remains', () => {
    const result = audit({
      ...base,
      mitigations: [...base.mitigations, mitigation('M-2', [['T-1', 25]])],
      tasks: [...base.tasks, task('PAY-201', 'M-2', ['T-8', 'T-9'])],
    });
    const [finding] = findingsOf(result, 'orphan-task');
    expect(finding).toMatchObject({
      severity: 'medium',
      entities: { threatIds: ['T-8', 'T-9'] },
      fix: { action: 'fix-value', target: { taskKey: 'PAY-201', mitigationId: 'M-2' } },
    });
    expect(finding?.message).toContain('carries threat T-8 and threat T-9, no longer in the threat model.');
  });

  it('does not report tasks whose mitigation and threats exist', () => {
    expect(findingsOf(audit(base), 'orphan-task')).toEqual([]);
  });
});
