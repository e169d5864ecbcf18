import { audit, findingsOf, NOW, story, threat } from './audit-fixtures';

const linked = [story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-6'] }] })];
const accepted = (until: string) =>
  threat('T-6', {
    title: 'Settlement report altered',
    acceptance: { accountId: 'alice', at: '2026-02-01T10:00:00.000Z', reason: 'Finance reconciles daily', until },
  });

describe('accepted risk in the audit', () => {
  it('asks for a mitigation while nobody accepted the risk', () => {
    const result = audit({ threats: [threat('T-6')], stories: linked });
    expect(findingsOf(result, 'threat-without-mitigation').map((f) => f.id)).toEqual(['threat-without-mitigation:T-6']);
    expect(findingsOf(result, 'acceptance-expired')).toEqual([]);
  });

  it('stops asking while the acceptance holds, up to and including its last day', () => {
    expect(NOW.slice(0, 10)).toBe('2026-03-01');
    for (const until of ['2026-03-01', '2026-12-31']) {
      const result = audit({ threats: [accepted(until)], stories: linked });
      expect(findingsOf(result, 'threat-without-mitigation')).toEqual([]);
      expect(findingsOf(result, 'acceptance-expired')).toEqual([]);
    }
  });

  it('reports an acceptance that has run out as acceptance-expired, offering to renew or let it lapse', () => {
    const result = audit({ threats: [accepted('2026-02-28')], stories: linked });
    expect(findingsOf(result, 'threat-without-mitigation')).toEqual([]);
    const [expired] = findingsOf(result, 'acceptance-expired');
    expect(expired).toMatchObject({
      id: 'acceptance-expired:T-6',
      entities: { threatIds: ['T-6'] },
      fix: { action: 'review-acceptance', label: 'Renew or let it lapse', target: { threatId: 'T-6' } },
    });
    expect(expired!.message).toContain('expired after 2026-02-28');
  });

  it('says nothing about the acceptance of a retired threat', () => {
    const retired = { ...accepted('2026-02-28'), state: 'retired' as const };
    expect(findingsOf(audit({ threats: [retired], stories: linked }), 'acceptance-expired')).toEqual([]);
  });

  it('reports an acceptance whose threat is now rated more severe than what was accepted', () => {
    const raised = {
      ...accepted('2026-12-31'),
      probability: 5,
      impact: 5,
      acceptance: { ...accepted('2026-12-31').acceptance!, severity: { probability: 1, impact: 1 } },
    };
    const result = audit({ threats: [raised], stories: linked });
    const [lapsed] = findingsOf(result, 'acceptance-expired');
    expect(lapsed!.message).toContain('accepted at severity 1; now 25');
    // At the severity accepted, or lower, it holds.
    const same = { ...raised, probability: 1, impact: 1 };
    expect(findingsOf(audit({ threats: [same], stories: linked }), 'acceptance-expired')).toEqual([]);
  });
});
