import { aMitigation, aThreat } from '../compliance/compliance-mother';
import type { Mitigation } from '../mitigation/mitigation';
import { emptyThreatModel, type ThreatModel } from '../threat-model/threat-model';
import type { ExportSource, StoryLinks } from './export-source';
import { documentPieces } from './export-pieces';
import { exportOtm } from './otm-export';
import { exportThreatComposer } from './threat-composer-export';

const model = (): ThreatModel => ({
  ...emptyThreatModel(),
  threats: [
    aThreat('T-1', { component: 'Checkout', description: 'Card "data" — 😀\nAssumptions:\n- TLS' }),
    aThreat('T-2'),
    aThreat('T-3', { component: 'Checkout', state: 'retired' }),
  ],
  mitigations: [aMitigation('M-1', ['T-1', 'T-2'], 'planned'), aMitigation('M-2', ['T-3'], 'implemented')].map(
    ({ task: _task, ...m }) => m as unknown as Mitigation,
  ),
});

const stories: StoryLinks[] = [
  { key: 'PAY-1', clauses: [{ text: 'card data in logs', threatIds: ['T-1'] }], directThreatIds: [] },
  { key: 'PAY-2', clauses: [], directThreatIds: ['T-2', 'T-1'] },
];

const source = (withStories: StoryLinks[]): ExportSource => ({
  projectKey: 'PAY',
  projectName: 'PAY',
  model: model(),
  stories: withStories,
});

describe.each([
  ['OTM', exportOtm],
  ['Threat Composer', exportThreatComposer],
] as const)('an %s export in pieces', (_format, exportDocument) => {
  it('joins into exactly the text JSON.stringify writes, one piece per record', () => {
    const document = exportDocument(source(stories));
    const pieces = documentPieces(document);
    expect(pieces.map((p) => p.text).join('')).toBe(`${JSON.stringify(document)}\n`);
    expect(pieces.filter((p) => p.threatIndex !== undefined).map((p) => p.threatIndex)).toEqual([0, 1, 2]);
  });

  it('names stories in the threats’ pieces only: every other piece is the same without them', () => {
    const bare = documentPieces(exportDocument(source([])));
    const full = documentPieces(exportDocument(source(stories)));
    expect(full).toHaveLength(bare.length);
    const differs = full.flatMap((p, i) => (p.text === bare[i]!.text ? [] : [p.threatIndex]));
    // T-1 and T-2 have stories; T-3 none.
    expect(differs).toEqual([0, 1]);
  });
});

describe('document pieces', () => {
  it('write what JSON.stringify writes for empty arrays, nested values and keys it leaves out', () => {
    const document = { a: [], b: { c: [1, 'x'] }, d: undefined, threats: [{ e: undefined }, null], f: 'end' };
    expect(
      documentPieces(document)
        .map((p) => p.text)
        .join(''),
    ).toBe(`${JSON.stringify(document)}\n`);
  });
});
