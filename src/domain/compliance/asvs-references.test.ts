import { MitigationDraft } from '../mitigation/mitigation';
import { addMitigation, editMitigation, emptyThreatModel, addThreat } from '../threat-model/threat-model';

const actor = { accountId: '712020:alice', now: '2026-12-01T10:00:00.000Z' };

describe('ASVS references on a mitigation', () => {
  const base = addThreat(
    emptyThreatModel(),
    { title: 'Credential stuffing', description: '', stride: ['S'], probability: 4, impact: 4, component: '' },
    actor,
  ).model;
  const draft = (extra: object = {}) =>
    MitigationDraft.parse({ title: 'Lock accounts', addresses: [{ threatId: 'T-1', strength: 50 }], ...extra });

  it('are kept by an edit that does not name them (the forms do not), and replaced by one that does', () => {
    const added = addMitigation(base, draft({ asvs: ['v5.0.0-6.3.1', 'v4.0.3-2.2.1'] }), actor);
    expect(added.mitigation.asvs).toEqual(['v5.0.0-6.3.1', 'v4.0.3-2.2.1']);
    const edited = editMitigation(added.model, 'M-1', 1, draft({ title: 'Lock accounts for 15 minutes' }), actor);
    expect(edited.mitigation).toMatchObject({
      title: 'Lock accounts for 15 minutes',
      asvs: ['v5.0.0-6.3.1', 'v4.0.3-2.2.1'],
    });
    const renamed = editMitigation(edited.model, 'M-1', 2, draft({ asvs: ['v5.0.0-6.3.3'] }), actor);
    expect(renamed.mitigation.asvs).toEqual(['v5.0.0-6.3.3']);
  });

  it('are refused with a sentence when they are not OWASP references', () => {
    const bad = MitigationDraft.safeParse({
      title: 'Lock accounts',
      addresses: [{ threatId: 'T-1', strength: 50 }],
      asvs: ['V6.3.1'],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toBe(
      'An ASVS reference looks like v5.0.0-6.3.1 or v4.0.3-2.1.1 (version, then chapter.section.requirement)',
    );
  });
});
