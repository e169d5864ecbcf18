import { AppError } from '../common/app-error';
import { KbImportError } from '../knowledge-base/importers/import-error';
import { MitigationDraft } from '../mitigation/mitigation';
import { ThreatDraft } from '../threat-model/threat';
import { addMitigation, addThreat, type ThreatModel } from '../threat-model/threat-model';
import { firstOfEach, uniqueId } from './interchange-ids';
import type { InterchangeModel } from './interchange-model';
import { ACTOR, LATER, emptyModel } from './interchange-test-support';
import { mergeImport } from './merge-import';
import { exportOtm } from './otm-export';
import { importOtm } from './otm-import';
import { exportThreatComposer } from './threat-composer-export';
import { importThreatComposer } from './threat-composer-import';

// The findings of a review of the import and export, each pinned by a test that failed before its fix.

const otmFile = (projectId: string, threats: Array<Record<string, unknown>>, mitigations: unknown[] = []) =>
  JSON.stringify({ otmVersion: '0.2.0', project: { name: projectId, id: projectId }, threats, mitigations });

const otmThreat = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  categories: ['Tampering'],
  risk: { likelihood: 50, impact: 50 },
  ...extra,
});

const source = (model: ThreatModel) => ({ projectKey: 'PAY', projectName: 'PAY', model, stories: [] });

function ownModel(): ThreatModel {
  let model = emptyModel();
  for (const title of ['Card data stolen', 'Refund replayed'])
    model = addThreat(model, ThreatDraft.parse({ title, stride: ['I'], probability: 3, impact: 3 }), ACTOR).model;
  return addMitigation(
    model,
    MitigationDraft.parse({ title: 'Tokenise card numbers', addresses: [{ threatId: 'T-1', strength: 75 }] }),
    ACTOR,
  ).model;
}

describe('an export imported back after the team changed the model (finding 1)', () => {
  it.each([
    ['OTM', (m: ThreatModel) => importOtm(JSON.stringify(exportOtm(source(m))), 'PAY.otm.json')],
    [
      'Threat Composer',
      (m: ThreatModel) => importThreatComposer(JSON.stringify(exportThreatComposer(source(m))), 'PAY.tc.json'),
    ],
  ])('%s: a record changed in Jira since the export is a conflict, left as the team made it', (_, exportOf) => {
    const exported = ownModel();
    const file = exportOf(exported);
    // Since the export, the team renamed T-1.
    const model: ThreatModel = {
      ...exported,
      threats: exported.threats.map((t) => (t.id === 'T-1' ? { ...t, title: 'Card data leaked', revision: 2 } : t)),
    };
    const { model: after, preview } = mergeImport(model, file, LATER, 'PAY');
    expect(preview.threats).toEqual({ create: 0, update: 0, unchanged: 1, conflict: 1 });
    expect(after).toBe(model);
    expect(preview.warnings).toEqual([expect.stringMatching(/^T-1 \("Card data leaked"\) was changed in Jira since/)]);
    // The token changes with what the plan rests on.
    expect(mergeImport(exported, file, LATER, 'PAY').preview.token).not.toBe(preview.token);
    expect(mergeImport(model, file, ACTOR, 'PAY').preview.token).toBe(preview.token);
  });
});

describe('ids of files and of the project (finding 2)', () => {
  it('uniqueId looks further than the fallback when the fallback is taken too', () => {
    const taken = new Set(['T-2', 'T-1']);
    expect(uniqueId('T-2', 'T-1', taken)).toBe('T-1-2');
    expect(uniqueId(undefined, 'T-1', taken)).toBe('T-1-3');
  });

  it("a record imported with an id that is one of the project's survives a round trip of the project's export", () => {
    // T-1 came from a file that numbered its threats T-2, T-3…; T-2 is the project's own.
    const first = mergeImport(
      emptyModel(),
      importOtm(otmFile('tool', [otmThreat('T-2', 'Imported one')]), 'a.json'),
      ACTOR,
    );
    const model = addThreat(
      first.model,
      ThreatDraft.parse({ title: 'Own one', stride: ['S'], probability: 2, impact: 2 }),
      ACTOR,
    ).model;
    const document = exportOtm(source(model));
    expect(new Set(document.threats.map((t) => t.id)).size).toBe(2);
    const back = mergeImport(model, importOtm(JSON.stringify(document), 'PAY.otm.json'), LATER, 'PAY');
    expect(back.preview.threats).toEqual({ create: 0, update: 0, unchanged: 2, conflict: 0 });
    expect(back.model).toBe(model);
  });

  it('two unrelated files that reuse the same ids (INP01) do not overwrite each other', () => {
    const a = mergeImport(
      emptyModel(),
      importOtm(otmFile('web-app', [otmThreat('INP01', 'SQL injection')]), 'a.json'),
      ACTOR,
    );
    const b = mergeImport(
      a.model,
      importOtm(otmFile('mobile-app', [otmThreat('INP01', 'Deep link hijack')]), 'b.json'),
      LATER,
    );
    expect(b.preview.threats).toMatchObject({ create: 1, update: 0 });
    expect(b.model.threats.map((t) => t.title)).toEqual(['SQL injection', 'Deep link hijack']);
    // The same file again still finds its own records.
    const again = mergeImport(
      b.model,
      importOtm(otmFile('web-app', [otmThreat('INP01', 'SQL injection')]), 'a.json'),
      LATER,
    );
    expect(again.model).toBe(b.model);
  });

  it('shows the old title next to the new one for an update', () => {
    const first = mergeImport(
      emptyModel(),
      importOtm(otmFile('tool', [otmThreat('x1', 'Old title')]), 'a.json'),
      ACTOR,
    );
    const { preview } = mergeImport(
      first.model,
      importOtm(otmFile('tool', [otmThreat('x1', 'New title')]), 'a.json'),
      LATER,
    );
    expect(preview.items).toEqual([
      { kind: 'threat', action: 'update', id: 'T-1', title: 'New title', previousTitle: 'Old title' },
    ]);
  });
});

describe('names JavaScript reserves (finding 3)', () => {
  it('a Threat Composer goal named "constructor" gives no category, and the threat still gets one', () => {
    const file = importThreatComposer(
      JSON.stringify({
        schema: 1,
        threats: [{ id: 'a', numericId: 1, statement: 'Someone can do a thing', impactedGoal: ['constructor'] }],
      }),
      'x.tc.json',
    );
    expect(file.threats[0]!.stride).toEqual(['T']);
  });

  it('refuses an OTM id "__proto__" with a sentence naming it', () => {
    expect(() => importOtm(otmFile('x', [otmThreat('__proto__', 'Prototype')]), 'x.otm.json')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^x\.otm\.json:.*threats\[0\]\.id.*__proto__/) }),
    );
  });

  it('an export of a record stored with the id "__proto__" in its file is one the app reads back', () => {
    const model = ownModel();
    const stored: ThreatModel = {
      ...model,
      threats: model.threats.map((t) =>
        t.id === 'T-1' ? { ...t, imported: { format: 'otm', externalId: '__proto__' } } : t,
      ),
    };
    const text = JSON.stringify(exportOtm(source(stored)));
    expect(mergeImport(stored, importOtm(text, 'PAY.otm.json'), LATER, 'PAY').model).toBe(stored);
  });

  it('refuses a merged record the model cannot store, naming it, and writes nothing', () => {
    const file: InterchangeModel = {
      format: 'otm',
      name: 'x',
      document: 'otm:x',
      threats: [
        {
          externalId: 'bad1',
          title: 'No category',
          description: '',
          stride: [],
          probability: 3,
          impact: 3,
          component: '',
          state: 'active',
        },
      ],
      mitigations: [],
      warnings: [],
    };
    const refusal = (() => {
      try {
        mergeImport(emptyModel(), file, ACTOR);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toMatch(
      /^The file's threat bad1 \("No category"\) cannot be imported: Pick at least one STRIDE category \(stride\)/,
    );
  });
});

describe('sizes (finding 5)', () => {
  it('refuses a file with more than 2,000 threats, saying the numbers', () => {
    const threats = Array.from({ length: 2001 }, (_, i) => otmThreat(`t${i}`, `Threat number ${i}`));
    expect(() => importOtm(otmFile('big', threats), 'big.otm.json')).toThrow(KbImportError);
    expect(() => importOtm(otmFile('big', threats), 'big.otm.json')).toThrow(/2001 threats.*at most 2,000 threats/);
  });

  it('lists the first 200 changed records of a preview and counts the rest', () => {
    const threats = Array.from({ length: 250 }, (_, i) => otmThreat(`t${i}`, `Threat number ${i}`));
    const { preview } = mergeImport(emptyModel(), importOtm(otmFile('many', threats), 'm.otm.json'), ACTOR);
    expect(preview.threats.create).toBe(250);
    expect(preview.items).toHaveLength(200);
    expect(preview.moreItems).toBe(50);
  });
});

describe('texts and ids from the file (findings 6 and 7)', () => {
  it('a title or rejection reason of invisible characters only falls back to words', () => {
    const file = importOtm(
      otmFile(
        'x',
        [otmThreat('t1', '\u200B\u200B\u200B\u200B')],
        [
          {
            id: 'm1',
            name: '\u200D\u200D\u200D',
            riskReduction: 50,
            attributes: { 'without:status': 'rejected', 'without:rejectionReason': '\u200B\u2060' },
          },
        ],
      ).replace(
        '"threats"',
        '"components":[{"id":"c","name":"c","threats":[{"threat":"t1","state":"exposed","mitigations":[{"mitigation":"m1","state":"required"}]}]}],"threats"',
      ),
      'x.otm.json',
    );
    expect(file.threats[0]!.title).toBe('Threat t1');
    expect(file.mitigations[0]).toMatchObject({
      title: 'Mitigation m1',
      status: 'rejected',
      rejectionReason: 'Marked as not to be done in the OTM file.',
    });
  });

  it('a repeated id in a warning carries no escape, control or bidi characters', () => {
    const warnings: string[] = [];
    firstOfEach([{ id: 'a\u001b[31mb\u202Ec' }, { id: 'a\u001b[31mb\u202Ec' }], 'threat', warnings);
    expect(warnings).toEqual(['The file has two threats with the id a[31mbc; the second is left out.']);
  });
});
