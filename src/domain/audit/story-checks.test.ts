import { audit, clean, findingsOf, mitigation, openTask, story, task, threat } from './audit-fixtures';

describe('audit: stories', () => {
  describe('story-threat-uncovered', () => {
    it('reports a threat a story links directly that none of its clauses covers', () => {
      const base = clean();
      const hijack = threat('T-3', { title: 'Session hijacking', probability: 3, impact: 3 });
      const result = audit({
        ...base,
        threats: [...base.threats, hijack],
        mitigations: [...base.mitigations, mitigation('M-3', [['T-3', 100]])],
        stories: [
          story('PAY-12', {
            summary: 'Pay by card',
            clauses: [{ id: 'c1', threatIds: ['T-1'] }],
            directThreatIds: ['T-3'],
          }),
        ],
      });
      const [finding, ...more] = findingsOf(result, 'story-threat-uncovered');
      expect(more).toEqual([]);
      expect(finding).toMatchObject({
        id: 'story-threat-uncovered:PAY-12:T-3',
        severity: 'medium',
        score: 9,
        entities: { storyKeys: ['PAY-12'], threatIds: ['T-3'] },
        fix: { action: 'add-clause', label: 'Add a WITHOUT clause', target: { storyKey: 'PAY-12', threatId: 'T-3' } },
      });
      expect(finding?.message).toBe(
        'PAY-12 "Pay by card" links T-3 "Session hijacking" but none of its WITHOUT clauses covers it.',
      );
    });

    it('does not report a direct link that a clause covers too', () => {
      const base = clean();
      const result = audit({
        ...base,
        stories: [story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], directThreatIds: ['T-1'] })],
      });
      expect(findingsOf(result, 'story-threat-uncovered')).toEqual([]);
    });
  });

  describe('clause-without-threat', () => {
    it('reports a WITHOUT clause linked to no threat, at medium', () => {
      const base = clean();
      const result = audit({
        ...base,
        stories: [
          ...base.stories,
          story('PAY-5', { clauses: [{ id: 'c7', text: 'leaking the refund amount', threatIds: [] }] }),
        ],
      });
      const [finding] = findingsOf(result, 'clause-without-threat');
      expect(finding).toMatchObject({
        id: 'clause-without-threat:PAY-5:c7',
        severity: 'medium',
        entities: { storyKeys: ['PAY-5'], threatIds: [], clauseId: 'c7' },
        fix: { action: 'link-threat', target: { storyKey: 'PAY-5', clauseId: 'c7' } },
      });
      expect(finding?.message).toBe(
        'PAY-5 "Story PAY-5": the WITHOUT clause "leaking the refund amount" is linked to no threat.',
      );
    });

    it('does not report clauses that are linked', () => {
      expect(findingsOf(audit(clean()), 'clause-without-threat')).toEqual([]);
    });
  });

  describe('story-done-unmitigated', () => {
    it('reports a done story whose threats have accepted mitigations not implemented, naming them and their tasks', () => {
      const base = clean();
      const result = audit({
        ...base,
        mitigations: [
          mitigation('M-1', [['T-1', 50]], {
            status: 'in-progress',
            title: 'Tokenize cards',
            task: { id: 'id-PAY-100', key: 'PAY-100' },
          }),
          mitigation('M-2', [['T-1', 50]], { status: 'accepted', title: 'Rotate keys' }),
          mitigation('M-3', [['T-1', 50]], { status: 'proposed' }),
        ],
        tasks: [{ ...openTask('PAY-100', 'M-1', ['T-1']), statusName: 'In Progress', categoryKey: 'indeterminate' }],
      });
      const [finding] = findingsOf(result, 'story-done-unmitigated');
      expect(finding).toMatchObject({
        id: 'story-done-unmitigated:PAY-1',
        severity: 'critical',
        entities: { storyKeys: ['PAY-1'], threatIds: ['T-1'], mitigationIds: ['M-1', 'M-2'], taskKeys: ['PAY-100'] },
        fix: { action: 'reopen-story', target: { storyKey: 'PAY-1' } },
      });
      expect(finding?.message).toBe(
        'PAY-1 "Story PAY-1" is done, but mitigations of its threats are not implemented: M-1 "Tokenize cards" (in-progress, PAY-100) and M-2 "Rotate keys" (accepted, no task).',
      );
    });

    it('does not report a story still in progress, nor one whose mitigation task is done though the status has not followed yet', () => {
      const base = clean();
      const pending = [
        mitigation('M-1', [['T-1', 100]], { status: 'in-progress', task: { id: 'id-PAY-100', key: 'PAY-100' } }),
      ];
      expect(
        findingsOf(
          audit({ ...base, mitigations: pending, tasks: [task('PAY-100', 'M-1', ['T-1'])] }),
          'story-done-unmitigated',
        ),
      ).toEqual([]);
      const inProgress = [
        story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], statusCategory: 'indeterminate' }),
      ];
      expect(
        findingsOf(
          audit({ ...base, mitigations: pending, stories: inProgress, tasks: [openTask('PAY-100', 'M-1', ['T-1'])] }),
          'story-done-unmitigated',
        ),
      ).toEqual([]);
    });
  });
});
