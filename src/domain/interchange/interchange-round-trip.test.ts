import fs from 'fs';
import { type ExportSource } from './export-source';
import { mergeImport } from './merge-import';
import { exportOtm } from './otm-export';
import { importOtm } from './otm-import';
import { readInterchangeFile } from './read-interchange-file';
import { exportThreatComposer } from './threat-composer-export';
import { importThreatComposer } from './threat-composer-import';
import {
  ACTOR,
  LATER,
  OTM_EXAMPLE,
  OTM_SCHEMA,
  TC_EXAMPLE,
  TC_SCHEMA,
  contentOf,
  emptyModel,
  schemaErrors,
} from './interchange-test-support';
import type { ThreatModel } from '../threat-model/threat-model';

const sourceOf = (model: ThreatModel, projectKey = 'NEW'): ExportSource => ({
  projectKey,
  projectName: 'New project',
  model,
  stories: [],
});

const text = (value: unknown): string => JSON.stringify(value, null, 2);

TC_EXAMPLE.describeIfShared('the shared Threat Composer example', () => {
  const example = () => fs.readFileSync(TC_EXAMPLE.file, 'utf8');

  it('imports its 20 threats and 18 mitigations with priority, STRIDE, status and assumptions', () => {
    const file = importThreatComposer(example(), 'ThreatComposer.tc.json');
    const { model, preview } = mergeImport(emptyModel(), file, ACTOR);
    expect(preview.threats).toEqual({ create: 20, update: 0, unchanged: 0, conflict: 0 });
    expect(preview.mitigations).toEqual({ create: 18, update: 0, unchanged: 0, conflict: 0 });
    expect(model.threats.map((t) => t.id)).toEqual(Array.from({ length: 20 }, (_, i) => `T-${i + 1}`));
    const first = model.threats[0]!;
    expect(first.title.startsWith('A threat actor that is able to trick a user')).toBe(true);
    expect(first.stride).toEqual(['I']);
    expect([first.probability, first.impact]).toEqual([3, 3]); // Medium
    expect(model.threats.filter((t) => t.probability === 4)).toHaveLength(5); // High
    expect(model.mitigations.every((m) => m.status === 'implemented')).toBe(true); // mitigationResolved
    expect(model.threats.some((t) => t.description.includes('Assumptions:\n- '))).toBe(true);
    expect(model.mitigations.reduce((n, m) => n + m.addresses.length, 0)).toBe(32);
  });

  it('exports valid against the schema, and re-imports to the same model; a second import creates nothing', () => {
    const first = mergeImport(emptyModel(), importThreatComposer(example(), 'example.tc.json'), ACTOR).model;
    const exported = exportThreatComposer(sourceOf(first));
    expect(schemaErrors(TC_SCHEMA.file, exported)).toEqual([]);
    const again = mergeImport(emptyModel(), importThreatComposer(text(exported), 'export.tc.json'), LATER).model;
    expect(contentOf(again)).toEqual(contentOf(first));
    // The export names the project's ids: importing it into the first project changes nothing.
    const twice = mergeImport(first, importThreatComposer(text(exported), 'export.tc.json'), LATER, 'NEW');
    expect(twice.model).toBe(first);
    expect(twice.preview.threats).toEqual({ create: 0, update: 0, unchanged: 20, conflict: 0 });
    expect(twice.preview.mitigations).toEqual({ create: 0, update: 0, unchanged: 18, conflict: 0 });
  });

  it('gives short titles, and exports the statements, contents and assumptions the file had', () => {
    const original = JSON.parse(example()) as {
      threats: Array<{ id: string; statement: string }>;
      mitigations: Array<{ id: string; content: string }>;
      assumptions: Array<{ content: string }>;
    };
    const model = mergeImport(emptyModel(), importThreatComposer(example(), 'a.tc.json'), ACTOR).model;
    expect(Math.max(...model.threats.map((t) => [...t.title].length))).toBeLessThanOrEqual(120);
    const exported = exportThreatComposer(sourceOf(model));
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(exported.threats!.map((t) => [t.id, t.statement])).toEqual(
      original.threats.map((t) => [t.id, flat(t.statement)]),
    );
    expect(exported.mitigations!.map((m) => [m.id, m.content])).toEqual(
      original.mitigations.map((m) => [m.id, flat(m.content)]),
    );
    // Its five assumptions, each linked to threats or mitigations (links to assumptions the file lacks are dropped).
    expect(exported.assumptions!.map((a) => a.content).sort()).toEqual(
      original.assumptions.map((a) => flat(a.content)).sort(),
    );
    expect(exported.assumptionLinks!.length).toBeGreaterThan(0);
  });

  it('importing the example twice creates nothing new', () => {
    const first = mergeImport(emptyModel(), importThreatComposer(example(), 'a.tc.json'), ACTOR).model;
    const second = mergeImport(first, importThreatComposer(example(), 'a.tc.json'), LATER);
    expect(second.model).toBe(first);
    expect(second.model.threats).toHaveLength(20);
  });

  it('is found by its content', () => {
    expect(readInterchangeFile(example(), 'x.json').format).toBe('threat-composer');
  });
});

OTM_EXAMPLE.describeIfShared('the shared OTM example', () => {
  const example = () => fs.readFileSync(OTM_EXAMPLE.file, 'utf8');

  it('imports the threat with its ratings, categories, component and linked mitigation', () => {
    const file = importOtm(example(), 'EXAMPLE.json');
    const { model, preview } = mergeImport(emptyModel(), file, ACTOR);
    expect(model.threats).toHaveLength(1);
    const threat = model.threats[0]!;
    expect(threat).toMatchObject({
      title: 'Threat 1',
      stride: ['S', 'T'],
      probability: 3,
      impact: 5,
      component: 'Web Service',
    });
    // Mitigation 1 is implemented on the web service (and required on a dataflow): the furthest state wins.
    expect(model.mitigations).toHaveLength(1);
    expect(model.mitigations[0]).toMatchObject({ title: 'This is the name of mitigation 1', status: 'implemented' });
    expect(model.mitigations[0]!.addresses).toEqual([{ threatId: 'T-1', strength: 50 }]);
    // Mitigation 2 mitigates nothing in the file.
    expect(preview.warnings).toEqual([expect.stringContaining('"Mitigation 2" mitigates no threat')]);
  });

  it('exports valid against the schema, and re-imports to the same model; a second import creates nothing', () => {
    const first = mergeImport(emptyModel(), importOtm(example(), 'EXAMPLE.json'), ACTOR).model;
    const exported = exportOtm(sourceOf(first));
    expect(schemaErrors(OTM_SCHEMA.file, exported)).toEqual([]);
    const again = mergeImport(emptyModel(), importOtm(text(exported), 'export.otm.json'), LATER).model;
    expect(contentOf(again)).toEqual(contentOf(first));
    const twice = mergeImport(first, importOtm(text(exported), 'export.otm.json'), LATER, 'NEW');
    expect(twice.model).toBe(first);
    expect(twice.preview.threats).toEqual({ create: 0, update: 0, unchanged: 1, conflict: 0 });
  });

  it('importing the example twice creates nothing new', () => {
    const first = mergeImport(emptyModel(), importOtm(example(), 'EXAMPLE.json'), ACTOR).model;
    expect(mergeImport(first, importOtm(example(), 'EXAMPLE.json'), LATER).model).toBe(first);
  });

  it('the example itself is valid against the schema (the check can fail)', () => {
    expect(schemaErrors(OTM_SCHEMA.file, JSON.parse(example()))).toEqual([]);
    expect(schemaErrors(OTM_SCHEMA.file, { otmVersion: '0.2.0' })).not.toEqual([]);
  });
});
