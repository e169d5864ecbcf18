import { auditProject } from './audit';
import { audit, clean, findingsOf, mitigation, openTask, project, story, task, threat } from './audit-fixtures';

describe('audit: threats', () => {
  it('reports nothing for a clean project', () => {
    expect(audit(clean()).findings).toEqual([]);
  });

  describe('threat-without-story', () => {
    it('reports an active threat no story links, with the severity of the threat', () => {
      const base = clean();
      const lonely = threat('T-4', { title: 'Refund replayed', probability: 3, impact: 4 });
      const result = audit({
        ...base,
        threats: [...base.threats, lonely],
        mitigations: [...base.mitigations, mitigation('M-4', [['T-4', 100]])],
      });
      const [finding, ...more] = findingsOf(result, 'threat-without-story');
      expect(more).toEqual([]);
      expect(finding).toMatchObject({
        id: 'threat-without-story:T-4',
        severity: 'high',
        score: 12,
        entities: { threatIds: ['T-4'], storyKeys: [] },
        fix: { action: 'link-threat', target: { threatId: 'T-4' } },
      });
      expect(finding?.message).toBe(
        'T-4 "Refund replayed" is linked to no story: is a story or a WITHOUT clause missing?',
      );
    });

    it('counts a direct link as a link, and ignores retired threats', () => {
      const base = clean();
      const direct = threat('T-2');
      const retired = threat('T-3', { state: 'retired' });
      const result = audit({
        ...base,
        threats: [...base.threats, direct, retired],
        mitigations: [...base.mitigations, mitigation('M-2', [['T-2', 100]])],
        stories: [
          ...base.stories,
          story('PAY-2', { clauses: [{ id: 'c1', threatIds: ['T-2'] }], directThreatIds: ['T-2'] }),
        ],
      });
      expect(findingsOf(result, 'threat-without-story')).toEqual([]);
    });
  });

  describe('threat-without-mitigation', () => {
    it('reports an active threat with no mitigation at all', () => {
      const base = clean();
      const bare = threat('T-2', { title: 'Session hijacking', probability: 2, impact: 3 });
      const result = audit({
        ...base,
        threats: [...base.threats, bare],
        stories: [...base.stories, story('PAY-2', { clauses: [{ id: 'c1', threatIds: ['T-2'] }] })],
      });
      const [finding] = findingsOf(result, 'threat-without-mitigation');
      expect(finding).toMatchObject({
        id: 'threat-without-mitigation:T-2',
        severity: 'medium',
        entities: { threatIds: ['T-2'], mitigationIds: [] },
        fix: { action: 'add-mitigation' },
      });
      expect(finding?.message).toBe('T-2 "Session hijacking" has no mitigation.');
    });

    it('reports a threat with only proposed or rejected mitigations, naming them', () => {
      const base = clean();
      const result = audit({
        ...base,
        mitigations: [
          mitigation('M-1', [['T-1', 75]], { status: 'proposed', title: 'Tokenize cards' }),
          mitigation('M-2', [['T-1', 100]], { status: 'rejected', rejectionReason: 'too costly' }),
        ],
        tasks: [],
      });
      const [finding] = findingsOf(result, 'threat-without-mitigation');
      expect(finding).toMatchObject({
        severity: 'critical',
        entities: { threatIds: ['T-1'], mitigationIds: ['M-1', 'M-2'] },
        fix: { action: 'open-threat', target: { threatId: 'T-1' } },
      });
      expect(finding?.message).toContain('M-1 "Tokenize cards" (proposed)');
      expect(finding?.message).toContain('M-2 "Mitigation M-2" (rejected)');
    });

    it('does not report a threat with an accepted mitigation, nor a retired threat without any', () => {
      const base = clean();
      const result = audit({
        ...base,
        threats: [...base.threats, threat('T-2', { state: 'retired' })],
        mitigations: [
          mitigation('M-1', [['T-1', 50]], { status: 'accepted', task: { id: 'id-PAY-100', key: 'PAY-100' } }),
        ],
        tasks: [openTask('PAY-100', 'M-1', ['T-1'])],
      });
      expect(findingsOf(result, 'threat-without-mitigation')).toEqual([]);
    });
  });

  describe('status-out-of-sync', () => {
    it('reports a threat fully mitigated on paper whose tasks are all open', () => {
      const base = clean();
      const result = audit({ ...base, tasks: [openTask('PAY-100', 'M-1', ['T-1'])] });
      const [finding] = findingsOf(result, 'status-out-of-sync');
      expect(finding).toMatchObject({
        id: 'status-out-of-sync:T-1',
        severity: 'critical',
        entities: { threatIds: ['T-1'], mitigationIds: ['M-1'], taskKeys: ['PAY-100'] },
        fix: { action: 'sync-status', target: { threatId: 'T-1', taskKey: 'PAY-100' } },
      });
      expect(finding?.message).toBe(
        'T-1 "Card data stolen" is fully mitigated on paper (M-1 implemented), but its tasks are all still open: PAY-100 (To Do).',
      );
    });

    it('does not report it when one task is done, when the strength is not full, or when the control exists without a task', () => {
      const base = clean();
      const twoHalves = [mitigation('M-1', [['T-1', 50]]), mitigation('M-2', [['T-1', 50]])];
      expect(
        findingsOf(
          audit({
            ...base,
            mitigations: twoHalves,
            tasks: [openTask('PAY-100', 'M-1', ['T-1']), task('PAY-101', 'M-2', ['T-1'])],
          }),
          'status-out-of-sync',
        ),
      ).toEqual([]);
      expect(
        findingsOf(
          audit({
            ...base,
            mitigations: [mitigation('M-1', [['T-1', 75]])],
            tasks: [openTask('PAY-100', 'M-1', ['T-1'])],
          }),
          'status-out-of-sync',
        ),
      ).toEqual([]);
      expect(
        findingsOf(
          audit({ ...base, mitigations: [mitigation('M-1', [['T-1', 100]], { status: 'existing' })], tasks: [] }),
          'status-out-of-sync',
        ),
      ).toEqual([]);
    });

    it("follows the project's status mapping: a task in review may count as implemented", () => {
      const inReview = {
        ...openTask('PAY-100', 'M-1', ['T-1']),
        statusName: 'In Review',
        categoryKey: 'indeterminate' as const,
      };
      const input = project({ ...clean(), tasks: [inReview] });
      expect(findingsOf(auditProject(input), 'status-out-of-sync')).toHaveLength(1);
      const mapped = {
        ...input.model.settings,
        statusMapping: { ...input.model.settings.statusMapping, byStatusName: { 'in review': 'implemented' as const } },
      };
      expect(
        findingsOf(auditProject({ ...input, model: { ...input.model, settings: mapped } }), 'status-out-of-sync'),
      ).toEqual([]);
    });
  });
});
