import fs from 'fs';
import { KnowledgeBase } from '../knowledge-base';
import { importFailure, sharedFile } from './importer-test-support';
import { importTmt } from './tmt';

const { file: TEMPLATE, describeIfShared } = sharedFile('microsoft-tmt/default.tb7', 'TMT import');

const threatType = (id: string, category: string, properties = '') => `
    <ThreatType>
      <GenerationFilters>
        <Include>target is 'SE.DS.TMCore.SQL'</Include>
        <Exclude />
      </GenerationFilters>
      <Id>${id}</Id>
      <ShortTitle>Injection into {target.Name}</ShortTitle>
      <Category>${category}</Category>
      <Description>An attacker injects &amp; runs commands.</Description>
      <PropertiesMetaData>${properties}</PropertiesMetaData>
    </ThreatType>`;
const property = (name: string, value: string) => `
        <ThreatMetaDatum><Name>${name}</Name><Label>${name}</Label><Values><Value>${value}</Value></Values></ThreatMetaDatum>`;
const template = (types: string) => `<?xml version="1.0" encoding="utf-8"?>
<KnowledgeBase>
  <Manifest name="Team template" version="1.2" />
  <StandardElements>
    <ElementType><Name>SQL Database</Name><ID>SE.DS.TMCore.SQL</ID><ParentElement>GE.DS</ParentElement></ElementType>
  </StandardElements>
  <ThreatCategories>
    <ThreatCategory><Name>Tampering</Name><Id>T</Id></ThreatCategory>
    <ThreatCategory><Name>Privacy</Name><Id>P</Id></ThreatCategory>
  </ThreatCategories>
  <ThreatTypes>${types}
  </ThreatTypes>
</KnowledgeBase>
`;

describeIfShared('importTmt on the Microsoft TMT default template', () => {
  const kb = importTmt(fs.readFileSync(TEMPLATE, 'utf8'), { file: 'default.tb7' });
  const threat = (id: string) => kb.threats.find((t) => t.id === id);

  it('imports one threat per ThreatType with unique ids and the manifest as name and version', () => {
    expect(kb.threats).toHaveLength(47);
    expect(new Set(kb.threats.map((t) => t.id)).size).toBe(47);
    expect(KnowledgeBase.parse(kb)).toEqual(kb);
    expect(kb).toMatchObject({
      id: 'sdl-tm-knowledge-base-core',
      name: 'SDL TM Knowledge Base (Core)',
      version: '4.1.0.11',
      source: { format: 'tmt', file: 'default.tb7' },
    });
  });

  it('maps the categories to STRIDE', () => {
    const count = (c: string) => kb.threats.filter((t) => t.stride.join() === c).length;
    expect([count('S'), count('T'), count('R'), count('I'), count('D'), count('E')]).toEqual([7, 14, 8, 7, 5, 6]);
    expect(threat('8404dcf5-bdd8-4902-abc2-3b6c967b0261')).toMatchObject({
      title: 'Cross Site Request Forgery',
      stride: ['E'],
    });
  });

  it('keeps the generation filter as conditions and the element as component', () => {
    expect(threat('S1')).toMatchObject({
      title: 'Spoofing the Source Process',
      component: 'Process',
      impact: 3,
      probability: 3,
    });
    expect(threat('S1')?.references).toEqual([
      { kind: 'source', value: 'S1' },
      {
        kind: 'condition',
        value:
          "include: source is 'GE.P' and (target is 'GE.P' or target is 'GE.DS') and (flow crosses 'GE.TB.L' or flow crosses 'GE.TB.B')",
      },
      {
        kind: 'condition',
        value: "exclude: flow.authenticatesSource is 'Yes' or source.implementsAuthenticationScheme is 'Yes'",
      },
    ]);
    expect(threat('T7')).toMatchObject({
      component: 'SQL Database',
      appliesWhen: { words: expect.arrayContaining(['sql database', 'sql']) },
    });
    expect(threat('SU')).toMatchObject({ title: 'Spoofing (v3)', appliesWhen: { always: true } });
  });

  it('has no mitigations, as the template has no mitigation property', () => {
    expect(kb.mitigations).toEqual([]);
  });
});

describe('importTmt on other templates', () => {
  it('turns a mitigation property into a template and the priority into impact and probability', () => {
    const text = template(
      threatType(
        'X1',
        'T',
        property('Priority', 'High') + property('PossibleMitigations', 'Use parameterised queries. Review them.'),
      ),
    );
    const kb = importTmt(text, { file: 'team.tb7' });
    expect(kb.threats[0]).toMatchObject({
      id: 'X1',
      stride: ['T'],
      impact: 4,
      probability: 4,
      description: 'An attacker injects & runs commands.',
    });
    expect(kb.mitigations).toEqual([
      expect.objectContaining({
        id: 'M-X1',
        title: 'Use parameterised queries',
        addresses: [{ threatId: 'X1', strength: 50 }],
      }),
    ]);
  });

  it('files a custom category by the words of its title and keeps the category as a note', () => {
    const kb = importTmt(template(threatType('P1', 'P')), { file: 'team.tb7' });
    expect(kb.threats[0]?.stride).toEqual(['T']);
    expect(kb.threats[0]?.references).toContainEqual({ kind: 'note', value: 'TMT category: Privacy' });
  });

  it('reads the knowledge base inside a .tm7 model and makes repeated ids unique', () => {
    const knowledgeBase = template(threatType('X1', 'T') + threatType('X1', 'T')).replace(/^<\?xml[^>]*>/, '');
    const kb = importTmt(`<ThreatModel xmlns:a="urn:x"><a:Notes />${knowledgeBase}</ThreatModel>`, {
      file: 'model.tm7',
    });
    expect(kb.threats.map((t) => t.id)).toEqual(['X1', 'X1-2']);
    expect(kb.threats[1]?.references[0]).toEqual({ kind: 'source', value: 'X1' });
  });
});

describe('importTmt on broken input', () => {
  it('gives the line and column of malformed XML', () => {
    const text = template(threatType('X1', 'T')).replace('<Category>T</Category>', '<Category>T</Categry>');
    const line = text.split('\n').findIndex((l) => l.includes('</Categry>')) + 1;
    expect(importFailure(() => importTmt(text, { file: 'team.tb7' }))).toMatch(
      new RegExp(`^team\\.tb7:${line}:\\d+: Expected closing tag 'Category'`),
    );
  });

  it('points at the end of a truncated file and names the open tags', () => {
    const text = template(threatType('X1', 'T'));
    const cut = text.slice(0, text.indexOf('<ShortTitle>'));
    const lines = cut.trimEnd().split('\n');
    expect(importFailure(() => importTmt(cut, { file: 'team.tb7' }))).toBe(
      `team.tb7:${lines.length}:${(lines[lines.length - 1] ?? '').length + 1}: the file ends before <ThreatType> is closed (still open: KnowledgeBase > ThreatTypes > ThreatType)`,
    );
  });

  it('names the threat type that lacks an id, and a missing ThreatTypes', () => {
    expect(
      importFailure(() => importTmt(template(threatType('X1', 'T') + threatType('', 'T')), { file: 'team.tb7' })),
    ).toBe('team.tb7: threat type 2: "Id" is missing or empty');
    expect(
      importFailure(() => importTmt('<KnowledgeBase><Manifest name="x" /></KnowledgeBase>', { file: 'team.tb7' })),
    ).toBe('team.tb7: <KnowledgeBase>: "ThreatTypes" is missing');
  });

  it('says when the XML is not a template, or the file is empty', () => {
    expect(importFailure(() => importTmt('<svg></svg>', { file: 'team.tb7' }))).toContain('no <KnowledgeBase> element');
    expect(importFailure(() => importTmt('', { file: 'team.tb7' }))).toBe('team.tb7: the file is empty');
  });
});
