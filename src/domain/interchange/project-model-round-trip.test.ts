import { addMitigation, addThreat, setThreatState, type ThreatModel } from '../threat-model/threat-model';
import { MitigationDraft } from '../mitigation/mitigation';
import { ThreatDraft } from '../threat-model/threat';
import type { ExportSource } from './export-source';
import { mergeImport } from './merge-import';
import { exportOtm } from './otm-export';
import { importOtm } from './otm-import';
import { exportThreatComposer } from './threat-composer-export';
import { importThreatComposer } from './threat-composer-import';
import { ACTOR, LATER, OTM_SCHEMA, TC_SCHEMA, contentOf, emptyModel, schemaErrors } from './interchange-test-support';

/** A project's own model: ratings off the priority scale, a retired threat, strengths, a task, a rejection. */
function projectModel(): ThreatModel {
  let model = emptyModel();
  const threat = (draft: Partial<ThreatDraft>) => {
    const added = addThreat(
      model,
      ThreatDraft.parse({ title: 'Card data stolen', stride: ['I'], probability: 3, impact: 5, ...draft }),
      ACTOR,
    );
    model = added.model;
    return added.threat.id;
  };
  const t1 = threat({ description: 'Card numbers leave the payment provider.', component: 'Checkout API' });
  const t2 = threat({ title: 'Refund replayed', stride: ['T', 'R'], probability: 5, impact: 2 });
  const t3 = threat({ title: 'Old admin console', stride: ['E'], probability: 1, impact: 1, component: 'Admin' });
  model = setThreatState(model, t3, 1, 'retired', ACTOR).model;
  const mitigation = (draft: Partial<MitigationDraft>) => {
    model = addMitigation(
      model,
      MitigationDraft.parse({ title: 'Tokenise card numbers', addresses: [{ threatId: t1, strength: 75 }], ...draft }),
      ACTOR,
    ).model;
  };
  mitigation({ verification: 'A scan finds no PAN in the logs.', status: 'implemented' });
  mitigation({
    title: 'Sign refunds',
    addresses: [
      { threatId: t2, strength: 100 },
      { threatId: t1, strength: 25 },
    ],
    controlType: 'detective',
    status: 'in-progress',
  });
  mitigation({
    title: 'Drop the console',
    addresses: [{ threatId: t2, strength: 50 }],
    status: 'rejected',
    rejectionReason: 'Out of scope',
  });
  model = {
    ...model,
    mitigations: model.mitigations.map((m, i) => (i === 0 ? { ...m, task: { id: '10001', key: 'PAY-7' } } : m)),
  };
  return model;
}

const source = (model: ThreatModel): ExportSource => ({
  projectKey: 'PAY',
  projectName: 'PAY',
  model,
  stories: [
    { key: 'PAY-1', clauses: [{ text: 'having my card data stolen', threatIds: ['T-1'] }], directThreatIds: [] },
    { key: 'PAY-2', clauses: [], directThreatIds: ['T-2'] },
  ],
});

describe("a project's own model in and out", () => {
  it('OTM keeps ratings, components, states, strengths, statuses and the stories with their clauses', () => {
    const model = projectModel();
    const document = exportOtm(source(model));
    if (OTM_SCHEMA.describeIfShared === describe) expect(schemaErrors(OTM_SCHEMA.file, document)).toEqual([]);
    expect(document.threats[0]).toMatchObject({
      id: 'T-1',
      categories: ['Information disclosure'],
      risk: { likelihood: 60, impact: 100 },
      attributes: { 'without:stories': [{ key: 'PAY-1', clauses: ['having my card data stolen'] }] },
    });
    expect(document.mitigations[0]!.attributes).toMatchObject({ 'without:jiraTask': 'PAY-7' });
    const again = mergeImport(emptyModel(), importOtm(JSON.stringify(document), 'PAY.otm.json'), LATER).model;
    expect(contentOf(again)).toEqual(contentOf(model));
  });

  it('Threat Composer keeps the same, and writes priorities other tools read', () => {
    const model = projectModel();
    const document = exportThreatComposer(source(model));
    if (TC_SCHEMA.describeIfShared === describe) expect(schemaErrors(TC_SCHEMA.file, document)).toEqual([]);
    expect(document.threats!.map((t) => [t.status, t.metadata!.find((m) => m.key === 'Priority')!.value])).toEqual([
      ['threatIdentified', 'High'], // 3 x 5 = 15, High
      ['threatIdentified', 'High'], // 5 x 2 = 10, High
      ['threatResolvedNotUseful', 'Low'],
    ]);
    const again = mergeImport(emptyModel(), importThreatComposer(JSON.stringify(document), 'PAY.tc.json'), LATER).model;
    expect(contentOf(again)).toEqual(contentOf(model));
  });

  it('a file changed elsewhere updates the records it imported, and keeps what the team linked by hand', () => {
    const first = mergeImport(
      emptyModel(),
      importOtm(JSON.stringify(exportOtm(source(projectModel()))), 'a.json'),
      ACTOR,
    ).model;
    const edited = exportOtm(source(projectModel()));
    edited.threats[1]!.name = 'Refund replayed by a partner';
    const { model, preview } = mergeImport(first, importOtm(JSON.stringify(edited), 'a.json'), LATER);
    expect(preview.threats).toEqual({ create: 0, update: 1, unchanged: 2, conflict: 0 });
    expect(model.threats[1]).toMatchObject({ id: 'T-2', title: 'Refund replayed by a partner', revision: 2 });
    expect(model.threats).toHaveLength(3);
    // The team links an imported mitigation to a threat of its own; the next import keeps the link.
    const own = addThreat(
      model,
      ThreatDraft.parse({ title: 'Our own threat', stride: ['S'], probability: 2, impact: 2 }),
      LATER,
    );
    const linked = {
      ...own.model,
      mitigations: own.model.mitigations.map((m, i) =>
        i === 0 ? { ...m, addresses: [...m.addresses, { threatId: own.threat.id, strength: 50 as const }] } : m,
      ),
    };
    const again = mergeImport(linked, importOtm(JSON.stringify(edited), 'a.json'), LATER);
    expect(again.model).toBe(linked);
    expect(again.model.mitigations[0]!.addresses).toContainEqual({ threatId: own.threat.id, strength: 50 });
  });

  it.each([
    ['OTM', (m: ThreatModel) => importOtm(JSON.stringify(exportOtm(source(m))), 'PAY.otm.json')],
    [
      'Threat Composer',
      (m: ThreatModel) => importThreatComposer(JSON.stringify(exportThreatComposer(source(m))), 'PAY.tc.json'),
    ],
  ] as const)(
    "%s: the project's own export imported back into it changes nothing, and into another project adds it all",
    (_format, roundTrip) => {
      const model = projectModel();
      const file = roundTrip(model);
      expect(file.projectKey).toBe('PAY');
      const back = mergeImport(model, file, LATER, 'PAY');
      expect(back.model).toBe(model);
      expect(back.preview.threats).toEqual({ create: 0, update: 0, unchanged: 3, conflict: 0 });
      expect(back.preview.mitigations).toEqual({ create: 0, update: 0, unchanged: 3, conflict: 0 });
      const elsewhere = mergeImport(model, file, LATER, 'SEC');
      expect(elsewhere.preview.threats).toEqual({ create: 3, update: 0, unchanged: 0, conflict: 0 });
    },
  );

  it("an edit made elsewhere to the project's own export updates that threat in place", () => {
    const model = projectModel();
    const document = exportOtm(source(model));
    document.threats[0]!.risk.likelihood = 100;
    const { model: after, preview } = mergeImport(
      model,
      importOtm(JSON.stringify(document), 'PAY.otm.json'),
      LATER,
      'PAY',
    );
    expect(preview.threats).toEqual({ create: 0, update: 1, unchanged: 2, conflict: 0 });
    expect(after.threats[0]).toMatchObject({
      id: 'T-1',
      probability: 5,
      revision: 2,
      updated: { accountId: LATER.accountId },
    });
    expect(after.threats[0]!.imported).toBeUndefined();
  });
});
