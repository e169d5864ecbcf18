import fs from 'fs';
import { KnowledgeBase } from '../knowledge-base';
import { importFailure, sharedFile } from './importer-test-support';
import { importThreatDragon } from './threat-dragon';

const { file: MODEL, describeIfShared } = sharedFile('threat-dragon/v2-threat-model.json', 'Threat Dragon import');

const threat = (overrides: Record<string, unknown>) => ({
  id: 'td-1',
  title: 'A threat',
  type: 'Tampering',
  modelType: 'STRIDE',
  status: 'Open',
  severity: 'Medium',
  description: '',
  mitigation: '',
  ...overrides,
});
const model = (threats: unknown[], name = 'Profile Store') =>
  JSON.stringify({
    version: '2.3.0',
    summary: { title: 'Privacy Model' },
    detail: {
      diagrams: [
        {
          title: 'Main',
          cells: [
            { id: 'c1', shape: 'store', data: { name, type: 'tm.Store', threats } },
            { id: 'c2', shape: 'trust-boundary-curve', data: { name: '', type: 'tm.Boundary' } },
          ],
        },
      ],
    },
  });
const importModel = (threats: unknown[]) => importThreatDragon(model(threats), { file: 'model.json' });

describeIfShared('importThreatDragon on the demo model', () => {
  const kb = importThreatDragon(fs.readFileSync(MODEL, 'utf8'), { file: 'v2-threat-model.json' });
  const byId = (id: string) => kb.threats.find((t) => t.id === id);

  it('imports every threat of every element with its own id', () => {
    expect(kb.threats).toHaveLength(14);
    expect(new Set(kb.threats.map((t) => t.id)).size).toBe(14);
    expect(KnowledgeBase.parse(kb)).toEqual(kb);
    expect(kb).toMatchObject({
      id: 'demo-threat-model',
      name: 'Demo Threat Model',
      source: { format: 'threat-dragon', file: 'v2-threat-model.json' },
    });
  });

  it('keeps the id, the element as component, the severity as impact and the status as a note', () => {
    expect(byId('7df716cd-a982-48a5-b4ed-800ccb670734')).toMatchObject({
      title: 'Accessing DB credentials',
      stride: ['I'],
      impact: 4,
      probability: 3,
      component: 'Worker Config',
      references: [
        { kind: 'source', value: '7df716cd-a982-48a5-b4ed-800ccb670734' },
        { kind: 'note', value: 'status: Open' },
      ],
    });
    expect(byId('b917c6dd-e2d5-455c-8b81-61407126abfa')).toMatchObject({
      stride: ['S'],
      component: 'Message Queue',
      references: expect.arrayContaining([{ kind: 'note', value: 'status: Mitigated' }]),
    });
    expect(byId('1468b37f-3ff9-4079-8767-f33bbfe0a887')).toMatchObject({
      stride: ['D'],
      component: 'Background Worker Process',
    });
    expect(byId('7bc090cc-50a1-44aa-8481-5e4daaa6d8ba')).toMatchObject({ impact: 2 }); // Low
  });

  it('makes one mitigation of a text repeated on several threats', () => {
    const https = kb.mitigations.filter((m) => m.title === 'The requests should require HTTP/S');
    expect(https).toHaveLength(1);
    expect(https[0]?.addresses.map((a) => a.threatId).sort()).toEqual([
      '2cba4931-e49c-4d4c-ad7c-d2de4875f15a',
      '2fcfb064-6a08-4771-9d9d-342639d63d7b',
      '79cbaf10-e5a2-4fd6-9818-7f180a113938',
      'f8cc4477-653f-4e4a-a0cb-7b90f046fd7b',
    ]);
    expect(kb.mitigations).toHaveLength(11);
  });
});

describe('importThreatDragon on other models', () => {
  it('maps LINDDUN and CIA types to STRIDE and keeps the original type as a note', () => {
    const kb = importModel([
      threat({ id: 'a', type: 'Linkability', modelType: 'LINDDUN' }),
      threat({ id: 'b', type: 'Non-compliance', modelType: 'LINDDUN' }),
      threat({ id: 'c', type: 'Availability', modelType: 'CIA' }),
      threat({ id: 'd', type: 'threats.model.stride.elevationOfPrivilege', modelType: 'STRIDE' }),
    ]);
    expect(kb.threats.map((t) => t.stride)).toEqual([['I'], ['R'], ['D'], ['E']]);
    expect(kb.threats[0]?.references).toContainEqual({
      kind: 'note',
      value: 'Threat Dragon type: Linkability (LINDDUN)',
    });
    expect(kb.threats[0]?.appliesWhen).toEqual({ words: ['profile store', 'profile', 'store'] });
  });

  it('maps severities, defaults to the middle, and gives repeated ids a suffix', () => {
    const kb = importModel([threat({ severity: 'Critical' }), threat({ severity: '' })]);
    expect(kb.threats.map((t) => [t.id, t.impact])).toEqual([
      ['td-1', 5],
      ['td-1-2', 3],
    ]);
  });
});

describe('importThreatDragon on broken input', () => {
  it('points at the end of a truncated model', () => {
    const text = model([threat({})]);
    expect(importFailure(() => importThreatDragon(text.slice(0, 100), { file: 'model.json' }))).toBe(
      'model.json:1:101: Unexpected end of JSON input',
    );
  });

  it('names the diagram, cell and threat of a wrong field', () => {
    expect(importFailure(() => importModel([threat({}), threat({ title: 42 })]))).toBe(
      'model.json: diagram 1, cell 1, threat 2: "title" Invalid input: expected string, received number',
    );
  });

  it('says when there are no diagrams, for a version 1 model, and for an empty file', () => {
    expect(
      importFailure(() => importThreatDragon('{"summary": {"title": "x"}, "detail": {}}', { file: 'model.json' })),
    ).toBe('model.json: the model: "detail.diagrams" is missing');
    expect(
      importFailure(() =>
        importThreatDragon('{"detail": {"diagrams": [{"diagramJson": {"cells": []}}]}}', { file: 'model.json' }),
      ),
    ).toContain('Threat Dragon version 1 model');
    expect(importFailure(() => importThreatDragon('', { file: 'model.json' }))).toBe('model.json: the file is empty');
  });
});
