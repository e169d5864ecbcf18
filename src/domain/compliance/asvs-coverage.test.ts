import { asvsCoverage, MITIGATIONS_SHOWN, STORIES_SHOWN, type CoverageInput } from './asvs-coverage';
import { aMitigation, aThreat, NO_CLAUSES } from './compliance-mother';

const input = (extra: Partial<CoverageInput> = {}): CoverageInput => ({
  threats: [aThreat('T-1'), aThreat('T-2'), aThreat('T-3')],
  mitigations: [],
  storiesByThreat: new Map(),
  clauseEvidence: NO_CLAUSES,
  ...extra,
});
const find = (coverage: ReturnType<typeof asvsCoverage>, id: string) => coverage.requirements.find((r) => r.id === id);

describe('ASVS coverage', () => {
  it('is implemented, planned or none from the best status of the mitigations that name a requirement', () => {
    const coverage = asvsCoverage(
      'asvs-5.0',
      2,
      input({
        mitigations: [
          aMitigation('M-1', ['T-1'], 'implemented', {
            asvs: ['v5.0.0-6.3.1'],
            task: { id: '1', key: 'PAY-7', statusName: 'Done', categoryKey: 'done' },
          }),
          aMitigation('M-2', ['T-2'], 'accepted', { asvs: ['v5.0.0-6.3.1', 'v5.0.0-2.4.1'] }),
          aMitigation('M-3', ['T-2'], 'in-progress', { asvs: ['v5.0.0-1.2.4'] }),
          aMitigation('M-4', ['T-3'], 'proposed', { asvs: ['v5.0.0-1.2.5'] }),
          aMitigation('M-5', ['T-3'], 'rejected', { asvs: ['v5.0.0-1.2.6'] }),
          aMitigation('M-6', ['T-3'], 'existing', { asvs: ['v5.0.0-1.2.1'] }),
        ],
        storiesByThreat: new Map([['T-1', ['PAY-10', 'PAY-2']]]),
      }),
    );
    expect(find(coverage, 'V6.3.1')).toMatchObject({
      status: 'implemented',
      reference: 'v5.0.0-6.3.1',
      mitigations: [
        { id: 'M-1', status: 'implemented', task: { key: 'PAY-7', statusName: 'Done' }, threatIds: ['T-1'] },
        { id: 'M-2', status: 'accepted', task: null },
      ],
      threats: [
        { id: 'T-1', title: 'Threat T-1' },
        { id: 'T-2', title: 'Threat T-2' },
      ],
      stories: ['PAY-2', 'PAY-10'],
      storyCount: 2,
    });
    expect(find(coverage, 'V2.4.1')!.status).toBe('planned');
    expect(find(coverage, 'V1.2.4')!.status).toBe('planned');
    expect(find(coverage, 'V1.2.1')!.status).toBe('implemented');
    // Only proposed: listed, but it covers nothing yet. Rejected: not even listed.
    expect(find(coverage, 'V1.2.5')).toMatchObject({ status: 'none', mitigations: [{ id: 'M-4' }] });
    expect(find(coverage, 'V1.2.6')).toMatchObject({ status: 'none', mitigations: [] });
    expect(coverage.counts).toEqual({ implemented: 2, planned: 2, none: 253 - 4 });
  });

  it('lists only the requirements of the level: 70 at 1, 253 at 2, 345 at 3 (5.0); 4.0.3 by its columns', () => {
    const m = aMitigation('M-1', ['T-1'], 'implemented', { asvs: ['v5.0.0-2.3.5', 'v4.0.3-1.14.3'] });
    const counts = [1, 2, 3].map((level) => asvsCoverage('asvs-5.0', level as 1 | 2 | 3, input({ mitigations: [m] })));
    expect(counts.map((c) => c.requirements.length)).toEqual([70, 253, 345]);
    // V2.3.5 is a level 3 requirement: it counts only there.
    expect(counts.map((c) => c.counts.implemented)).toEqual([0, 0, 1]);
    const v4 = [1, 2, 3].map((level) => asvsCoverage('asvs-4.0.3', level as 1 | 2 | 3, input({ mitigations: [m] })));
    expect(v4.map((c) => c.requirements.length)).toEqual([128, 259, 278]);
    expect(v4.map((c) => c.counts.implemented)).toEqual([0, 1, 1]);
    // A mitigation naming 4.0.3 does not cover 5.0's requirement of the same number, nor the reverse.
    expect(find(asvsCoverage('asvs-5.0', 3, input({ mitigations: [m] })), 'V1.14.3')).toBeUndefined();
  });

  it('counts the mitigations of a threat that names a requirement, and those inheriting their template’s', () => {
    const coverage = asvsCoverage(
      'asvs-5.0',
      1,
      input({
        threats: [
          aThreat('T-1', { asvs: ['v5.0.0-3.4.1'] }),
          aThreat('T-2'),
          aThreat('T-3', {
            source: { kind: 'knowledge-base', knowledgeBaseId: 'web-and-api', templateId: 'WEB-S-02', version: '1' },
          }),
        ],
        mitigations: [
          aMitigation('M-1', ['T-1'], 'planned'),
          aMitigation('M-3', ['T-3'], 'in-progress'),
          aMitigation('M-2', ['T-2'], 'existing', {
            source: { kind: 'knowledge-base', knowledgeBaseId: 'web-and-api', templateId: 'WEB-M-35', version: '1' },
          }),
        ],
        templateReferences: (m) => (m.source?.templateId === 'WEB-M-35' ? ['v5.0.0-6.2.1'] : undefined),
        threatTemplateReferences: (t) =>
          t.source.kind === 'knowledge-base' && t.source.templateId === 'WEB-S-02' ? ['v5.0.0-7.2.4'] : undefined,
      }),
    );
    expect(find(coverage, 'V3.4.1')).toMatchObject({ status: 'planned', mitigations: [{ id: 'M-1' }] });
    expect(find(coverage, 'V6.2.1')).toMatchObject({ status: 'implemented', mitigations: [{ id: 'M-2' }] });
    expect(find(coverage, 'V7.2.4')).toMatchObject({ status: 'planned', mitigations: [{ id: 'M-3' }] });
  });

  it('takes the WITHOUT clauses as the evidence of 4.0.3 V1.1.3, and says 5.0 has no such requirement', () => {
    const some = { stories: 18, storiesWithClauses: 9, clauses: 9, linkedClauses: 7 };
    const v4 = asvsCoverage('asvs-4.0.3', 2, input({ clauseEvidence: some }));
    expect(v4.clauseRequirement).toBe('V1.1.3');
    expect(find(v4, 'V1.1.3')).toMatchObject({
      status: 'planned',
      evidence: { summary: '9 of 18 stories carry WITHOUT clauses (9 clauses, 7 linked to a threat).' },
    });
    const all = { stories: 4, storiesWithClauses: 4, clauses: 6, linkedClauses: 6 };
    expect(find(asvsCoverage('asvs-4.0.3', 2, input({ clauseEvidence: all })), 'V1.1.3')!.status).toBe('implemented');
    expect(find(asvsCoverage('asvs-4.0.3', 2, input()), 'V1.1.3')!.status).toBe('none');
    expect(find(v4, 'V1.1.2')!.status).toBe('implemented');
    const v5 = asvsCoverage('asvs-5.0', 3, input({ clauseEvidence: some }));
    expect(v5.clauseRequirement).toBeNull();
    expect(v5.requirements.filter((r) => r.evidence)).toEqual([]);
  });

  it('stays under 1 MB for 345 requirements on a 1,000-threat, 2,000-mitigation model, trimming long lists', () => {
    const refs = ['v5.0.0-6.3.1', 'v5.0.0-1.2.4', 'v5.0.0-3.4.3', 'v5.0.0-8.2.2', 'v5.0.0-16.3.1'];
    const threats = Array.from({ length: 1000 }, (_, i) => aThreat(`T-${i + 1}`, { title: 'x'.repeat(200) }));
    const mitigations = Array.from({ length: 2000 }, (_, i) =>
      aMitigation(`M-${i + 1}`, [`T-${(i % 1000) + 1}`], 'implemented', { asvs: refs, title: 'y'.repeat(200) }),
    );
    const storiesByThreat = new Map(threats.map((t, i) => [t.id, [`PAY-${i + 1}`, `PAY-${i + 2001}`]]));
    const coverage = asvsCoverage('asvs-5.0', 3, input({ threats, mitigations, storiesByThreat }));
    const v631 = find(coverage, 'V6.3.1')!;
    expect(v631.mitigations).toHaveLength(MITIGATIONS_SHOWN);
    expect(v631.mitigationCount).toBe(2000);
    expect(v631.stories).toHaveLength(STORIES_SHOWN);
    expect(v631.storyCount).toBe(2000);
    expect(v631.threats.length).toBeLessThanOrEqual(MITIGATIONS_SHOWN);
    expect(v631.threatCount).toBe(1000);
    expect(JSON.stringify(coverage).length).toBeLessThan(1_000_000);
  });
});
