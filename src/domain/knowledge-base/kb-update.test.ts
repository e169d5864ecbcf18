import { acceptThreatTemplate } from './accept';
import { pendingKbUpdates } from './kb-update';
import { KnowledgeBase, type KnowledgeBaseInput } from './knowledge-base';

type ThreatInput = KnowledgeBaseInput['threats'][number];
type MitigationInput = KnowledgeBaseInput['mitigations'][number];
import { takeKbUpdate } from './take-kb-update';
import { emptyThreatModel, setThreatState, type ThreatModel } from '../threat-model/threat-model';

const bob = { accountId: 'bob', now: '2026-11-23T10:00:00.000Z' };
const later = { accountId: 'alice', now: '2026-12-01T10:00:00.000Z' };

const CARD: ThreatInput = {
  id: 'CARD',
  title: 'Card data stolen',
  stride: ['I'],
  probability: 3,
  impact: 4,
  component: 'data-store',
  appliesWhen: { words: ['card'] },
};
const MASK: MitigationInput = {
  id: 'M-MASK',
  title: 'Mask card numbers',
  addresses: [{ threatId: 'CARD', strength: 25 }],
};

const shop = (version: string, over: Partial<KnowledgeBaseInput> = {}): KnowledgeBase =>
  KnowledgeBase.parse({
    format: 'without-kb/1',
    id: 'shop',
    name: 'Shop',
    version,
    source: { format: 'without' },
    threats: [CARD],
    mitigations: [MASK],
    ...over,
  } satisfies KnowledgeBaseInput);

/** The model after accepting CARD from version 1: T-1 with M-1 (Mask card numbers, proposed). */
const acceptedFromV1 = (): ThreatModel => acceptThreatTemplate(emptyThreatModel(), shop('1'), 'CARD', bob).model;

const v2 = () =>
  shop('2', {
    threats: [{ ...CARD, title: 'Card data stolen at rest', stride: ['I', 'T'], impact: 5 }],
    mitigations: [MASK, { id: 'M-TOKEN', title: 'Tokenise cards', addresses: [{ threatId: 'CARD', strength: 75 }] }],
  });

describe('knowledge-base updates of threats', () => {
  it('shows nothing while the version is the same, or the knowledge base is not active', () => {
    expect(pendingKbUpdates(acceptedFromV1(), [shop('1')]).size).toBe(0);
    expect(pendingKbUpdates(acceptedFromV1(), []).size).toBe(0);
  });

  it('shows what a new version changes, field by field, and the mitigations the threat lacks', () => {
    const update = pendingKbUpdates(acceptedFromV1(), [v2()]).get('T-1');
    expect(update).toEqual({
      knowledgeBaseId: 'shop',
      knowledgeBaseName: 'Shop',
      fromVersion: '1',
      toVersion: '2',
      changes: [
        { field: 'title', from: 'Card data stolen', to: 'Card data stolen at rest' },
        { field: 'stride', from: 'I', to: 'T, I' },
        { field: 'impact', from: '4', to: '5' },
      ],
      newMitigations: [{ templateId: 'M-TOKEN', title: 'Tokenise cards' }],
      removed: false,
    });
  });

  it('shows no update for a new version that changes nothing of the threat, nor for a retired threat', () => {
    expect(pendingKbUpdates(acceptedFromV1(), [shop('2')]).size).toBe(0);
    const retired = setThreatState(acceptedFromV1(), 'T-1', 1, 'retired', bob).model;
    expect(pendingKbUpdates(retired, [v2()]).size).toBe(0);
  });

  it('says when the template was removed', () => {
    expect(
      pendingKbUpdates(acceptedFromV1(), [shop('3', { threats: [{ ...CARD, id: 'OTHER' }], mitigations: [] })]).get(
        'T-1',
      ),
    ).toMatchObject({ removed: true, changes: [], newMitigations: [] });
  });

  it('"Take update" applies the template and adds its missing mitigations as proposed; the notice goes', () => {
    const taken = takeKbUpdate(acceptedFromV1(), 'T-1', 1, true, [v2()], later);
    expect(taken.threat).toMatchObject({
      title: 'Card data stolen at rest',
      stride: ['I', 'T'],
      impact: 5,
      component: 'Data store',
      revision: 2,
      source: { version: '2' },
      updated: { accountId: 'alice' },
    });
    expect(taken.mitigations.map((m) => [m.title, m.status, m.addresses])).toEqual([
      ['Tokenise cards', 'proposed', [{ threatId: 'T-1', strength: 75 }]],
    ]);
    expect(taken.model.mitigations).toHaveLength(2);
    expect(pendingKbUpdates(taken.model, [v2()]).size).toBe(0);
  });

  it('"Keep ours" records only the version; the notice goes until the next version', () => {
    const kept = takeKbUpdate(acceptedFromV1(), 'T-1', 1, false, [v2()], later);
    expect(kept.threat).toMatchObject({ title: 'Card data stolen', impact: 4, revision: 2, source: { version: '2' } });
    expect(kept.model.mitigations).toHaveLength(1);
    expect(pendingKbUpdates(kept.model, [v2()]).size).toBe(0);
    expect(pendingKbUpdates(kept.model, [{ ...v2(), version: '3' }]).get('T-1')?.fromVersion).toBe('2');
  });

  it('refuses a stale revision, a knowledge base no longer active, a threat already up to date, and taking a removed template', () => {
    expect(() => takeKbUpdate(acceptedFromV1(), 'T-1', 7, true, [v2()], later)).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => takeKbUpdate(acceptedFromV1(), 'T-1', 1, true, [], later)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('is not active in this project') }),
    );
    expect(() => takeKbUpdate(acceptedFromV1(), 'T-1', 1, true, [shop('1')], later)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('already follows version 1') }),
    );
    const gone = shop('3', { threats: [{ ...CARD, id: 'OTHER' }], mitigations: [] });
    expect(() => takeKbUpdate(acceptedFromV1(), 'T-1', 1, true, [gone], later)).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', message: expect.stringContaining('no longer has the threat') }),
    );
    expect(takeKbUpdate(acceptedFromV1(), 'T-1', 1, false, [gone], later).threat.source).toMatchObject({
      version: '3',
    });
  });
});
