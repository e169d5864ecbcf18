import fs from 'fs';
import { KnowledgeBase } from '../knowledge-base';
import { importFailure, sharedFile } from './importer-test-support';
import { importPytm } from './pytm';

const { file: LIBRARY, describeIfShared } = sharedFile('pytm/threats.json', 'pytm import');

const entry = (overrides: Record<string, unknown> = {}) => ({
  SID: 'INP99',
  target: ['Server'],
  description: 'Test Injection',
  details: 'Details.',
  'Likelihood Of Attack': 'High',
  severity: 'Medium',
  condition: 'target.sanitizesInput is False',
  prerequisites: '',
  mitigations: 'Validate input.Encode output.',
  example: '',
  references: 'https://capec.mitre.org/data/definitions/66.html, CWE-89',
  ...overrides,
});
const importEntries = (entries: unknown[]) => importPytm(JSON.stringify(entries, null, 2), { file: 'threats.json' });

describeIfShared('importPytm on OWASP pytm threats.json', () => {
  const kb = importPytm(fs.readFileSync(LIBRARY, 'utf8'), { file: 'threats.json' });
  const threat = (id: string) => kb.threats.find((t) => t.id === id);

  it('imports every entry as one threat with a unique id, and one mitigation each', () => {
    expect(kb.threats).toHaveLength(114);
    expect(new Set(kb.threats.map((t) => t.id)).size).toBe(114);
    expect(kb.mitigations).toHaveLength(114);
    expect(KnowledgeBase.parse(kb)).toEqual(kb);
    expect(kb.source).toEqual({ format: 'pytm', file: 'threats.json' });
  });

  it('keeps the SID, the condition as text and the CAPEC and CWE ids of the references', () => {
    expect(threat('INP01')).toMatchObject({
      title: 'Buffer Overflow via Environment Variables',
      stride: ['T'],
      impact: 4,
      probability: 4,
      component: 'Lambda, Process',
    });
    expect(threat('INP01')?.references).toEqual(
      expect.arrayContaining([
        { kind: 'source', value: 'INP01' },
        { kind: 'condition', value: expect.stringContaining('target.usesEnvironmentVariables is True') },
        { kind: 'capec', value: 'CAPEC-10' },
        { kind: 'cwe', value: 'CWE-120' },
      ]),
    );
  });

  it('maps severity to impact and likelihood to probability, blank likelihood to the middle', () => {
    expect(threat('INP02')).toMatchObject({ impact: 5, probability: 4 }); // Very High, High
    expect(threat('DS03')).toMatchObject({ impact: 1 }); // Very Low
    expect(threat('AA01')).toMatchObject({ probability: 3 }); // "Likelihood Of Attack": ""
  });

  it('derives STRIDE from the SID family and the title', () => {
    expect(threat('DO01')?.stride).toEqual(['D']);
    expect(threat('AA02')?.stride).toEqual(['S']);
    expect(threat('DE04')?.stride).toContain('R');
    expect(threat('INP31')?.stride).toEqual(['T', 'E']); // Command Injection
    expect(threat('LLM03')?.stride).toEqual(['I']);
  });

  it('turns the mitigations paragraph into one template addressing its threat', () => {
    const mitigation = kb.mitigations.find((m) => m.id === 'M-INP01');
    expect(mitigation).toMatchObject({
      title: 'Do not expose environment variable to the user',
      addresses: [{ threatId: 'INP01', strength: 50 }],
      references: [{ kind: 'source', value: 'INP01' }],
    });
    expect(mitigation?.implementation).toContain('Sharefuzz');
  });

  it('keeps a deprecation as a note and LLM references as owasp links', () => {
    expect(threat('AC22')?.references).toContainEqual({
      kind: 'note',
      value: expect.stringContaining('AC22 was replaced by AC23 and AC24'),
    });
    expect(threat('LLM01')?.references).toContainEqual({
      kind: 'owasp',
      value: 'https://genai.owasp.org/llmrisk/llm01-prompt-injection/',
    });
    expect(threat('LLM01')?.appliesWhen).toEqual({ words: expect.arrayContaining(['llm', 'prompt']) });
  });
});

describe('importPytm on broken input', () => {
  it('points at the end of a truncated file', () => {
    const text = JSON.stringify([entry()], null, 2);
    const cut = text.slice(0, 40);
    const lines = cut.trimEnd().split('\n');
    expect(importFailure(() => importPytm(cut, { file: 'threats.json' }))).toBe(
      `threats.json:${lines.length}:${(lines[lines.length - 1] ?? '').length + 1}: Unexpected end of JSON input`,
    );
  });

  it('points at the line and column of a syntax error', () => {
    expect(
      importFailure(() => importPytm('[\n  {"SID": "A1",\n   "severity" "High"}\n]', { file: 'threats.json' })),
    ).toMatch(/^threats\.json:3:15: /);
  });

  it('names the entry and the field that is missing or wrong', () => {
    const { severity: _omitted, ...withoutSeverity } = entry({ SID: 'INP04' });
    expect(importFailure(() => importEntries([entry(), entry({ SID: 'INP02' }), withoutSeverity]))).toBe(
      'threats.json: entry 3 (SID "INP04"): "severity" is missing',
    );
    expect(importFailure(() => importEntries([entry({ severity: 'Critical' })]))).toContain(
      'entry 1 (SID "INP99"): "severity" is "Critical", expected Very Low',
    );
  });

  it('says when the file is not a list, or empty', () => {
    expect(importFailure(() => importPytm('{"threats": []}', { file: 'threats.json' }))).toBe(
      'threats.json: a pytm threat library is a JSON list of threats, but the file holds an object',
    );
    expect(importFailure(() => importPytm(' \n', { file: 'threats.json' }))).toBe('threats.json: the file is empty');
  });

  it('makes repeated SIDs unique and keeps the original as the source', () => {
    const kb = importEntries([entry(), entry()]);
    expect(kb.threats.map((t) => t.id)).toEqual(['INP99', 'INP99-2']);
    expect(kb.threats[1]?.references[0]).toEqual({ kind: 'source', value: 'INP99' });
    expect(kb.mitigations[1]?.addresses).toEqual([{ threatId: 'INP99-2', strength: 50 }]);
  });

  it('takes the knowledge-base id and name given', () => {
    const kb = importPytm(JSON.stringify([entry()]), { file: 'lib/threats.json', id: 'team-pytm', name: 'Team pytm' });
    expect(kb).toMatchObject({ id: 'team-pytm', name: 'Team pytm', source: { file: 'threats.json' } });
  });
});
