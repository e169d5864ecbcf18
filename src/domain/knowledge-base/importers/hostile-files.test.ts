import { MAX_RULE_DEPTH } from '../input-limits';
import { KB_FORMAT } from '../knowledge-base';
import { importFailure } from './importer-test-support';
import { uniqueIds } from './import-text';
import { importPytm } from './pytm';
import { readKnowledgeBaseFile } from './read-knowledge-base-file';
import { importThreatDragon } from './threat-dragon';
import { importTmt } from './tmt';

// One case per attack, for every importer: each file is refused with a KbImportError that says
// where (file:line:column) and why, or imported harmlessly. None ends in a stack overflow, a
// TypeError or a parser's own error.

const REFUSED_NAME =
  "is a name Without for Jira refuses (__proto__, constructor and prototype could change how the app's objects behave)";
const NO_DTD = 'Without for Jira does not read DTDs or entities';
const TOO_DEEP = 'are nested more than 100 levels deep here; Without for Jira reads at most 100';
const RULES_TOO_DEEP =
  'rules (appliesWhen) are nested more than 32 levels deep; Without for Jira reads at most 32 levels of all, any and not';

/** "line:column" (from 1) of a character offset, counted here from the text itself. */
function lineColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${(lines[lines.length - 1] ?? '').length + 1}`;
}

/** "line:column" of the first `needle` in `text`, plus `skip` characters. */
function where(text: string, needle: string, skip = 0): string {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`${needle} is not in the text`);
  return lineColumn(text, offset + skip);
}

describe('a Microsoft TMT template', () => {
  // Line 1 the declaration; the body starts on line 2 unless a test puts something before it.
  const tmt = (body: string, prolog = '') => `<?xml version="1.0" encoding="utf-8"?>\n${prolog}<KnowledgeBase>
  <Manifest name="Team template" version="1" />
  <ThreatCategories><ThreatCategory><Name>Tampering</Name><Id>T</Id></ThreatCategory></ThreatCategories>
  <ThreatTypes>
    <ThreatType>${body}</ThreatType>
  </ThreatTypes>
</KnowledgeBase>
`;
  const threatType = (id = 'X1', category = 'T', include = "target is 'GE.DS'") =>
    `<Id>${id}</Id><ShortTitle>Injection</ShortTitle><Category>${category}</Category><GenerationFilters><Include>${include}</Include></GenerationFilters>`;
  const refusal = (text: string) => importFailure(() => importTmt(text, { file: 'threats.tb7' }));

  it('is refused when it declares a DOCTYPE with an external entity, before any entity is read', () => {
    const text = tmt(
      threatType(),
      '<!-- the team template -->\n<!DOCTYPE KnowledgeBase [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
    );
    expect(refusal(text.replace('Injection', '&xxe;'))).toBe(`threats.tb7:3:1: the file declares a DOCTYPE; ${NO_DTD}`);
  });

  it('is refused when it declares entities that expand a billion times (no DOCTYPE is read at all)', () => {
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    expect(refusal(tmt(threatType().replace('Injection', '&lol3;'), `${laughs}\n`))).toBe(
      `threats.tb7:2:1: the file declares a DOCTYPE; ${NO_DTD}`,
    );
  });

  it('is refused for an entity or DTD declaration outside a DOCTYPE', () => {
    expect(refusal(tmt(threatType(), '<!ENTITY xxe SYSTEM "http://127.0.0.1/">\n'))).toBe(
      `threats.tb7:2:1: the file declares an entity (<!ENTITY); ${NO_DTD}`,
    );
    expect(refusal(tmt(threatType(), '<!ELEMENT KnowledgeBase ANY>\n'))).toBe(
      `threats.tb7:2:1: the file has a DTD declaration (<!ELEMENT>); ${NO_DTD}`,
    );
  });

  it('is read when "<!DOCTYPE" only appears in a comment or CDATA, which hold text', () => {
    const text = tmt(
      `${threatType()}<Description><![CDATA[<!DOCTYPE x>]]></Description>`,
      '<!-- <!DOCTYPE x [<!ENTITY y "z">]> -->\n',
    );
    expect(importTmt(text, { file: 'threats.tb7' }).threats[0]).toMatchObject({
      id: 'X1',
      description: '<!DOCTYPE x>',
    });
  });

  it('is refused for an element named __proto__, constructor or prototype, with a namespace prefix too', () => {
    const proto = tmt(`${threatType()}<__proto__><polluted>yes</polluted></__proto__>`);
    expect(refusal(proto)).toBe(`threats.tb7:${where(proto, '<__proto__>')}: the element <__proto__> ${REFUSED_NAME}`);
    const prefixed = tmt(`${threatType()}<a:constructor xmlns:a="urn:x">x</a:constructor>`);
    expect(refusal(prefixed)).toBe(
      `threats.tb7:${where(prefixed, '<a:constructor')}: the element <a:constructor> ${REFUSED_NAME}`,
    );
    expect(refusal(tmt(threatType()).replace('<ThreatTypes>', '<ThreatTypes>\n<prototype/>'))).toBe(
      `threats.tb7:6:1: the element <prototype> ${REFUSED_NAME}`,
    );
  });

  it('is refused for an attribute named like a prototype', () => {
    expect(refusal(tmt(threatType()).replace('<Manifest name', '<Manifest __proto__="x" name'))).toBe(
      `threats.tb7:3:13: the attribute __proto__ of <Manifest> ${REFUSED_NAME}`,
    );
    expect(
      refusal(
        tmt(threatType()).replace('<Manifest name="Team template"', '<Manifest name="Team template" x:prototype=\'y\''),
      ),
    ).toBe(`threats.tb7:3:34: the attribute x:prototype of <Manifest> ${REFUSED_NAME}`);
  });

  it('is refused when elements nest 100,000 deep, at the 101st level', () => {
    const text = tmt(`${threatType()}${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`);
    // <KnowledgeBase>, <ThreatTypes>, <ThreatType> and 97 <a>: the 98th <a> is the 101st level.
    expect(refusal(text)).toBe(`threats.tb7:${where(text, '<a>', 97 * 3)}: elements ${TOO_DEEP}`);
  });

  it('names a threat type whose Id is a prototype name', () => {
    expect(refusal(tmt(threatType('constructor')))).toBe(
      `threats.tb7: threat type 1 (Id "constructor"): "Id" is "constructor", ${REFUSED_NAME.replace(/^is /, '')}`,
    );
  });

  it('reads names that objects inherit (toString, constructor) as the plain words they are, where they are only looked up', () => {
    const kb = importTmt(tmt(threatType('X1', 'constructor', "source is 'toString' and target is 'hasOwnProperty'")), {
      file: 'threats.tb7',
    });
    expect(kb.threats[0]).toMatchObject({ id: 'X1', stride: ['T'], appliesWhen: { always: true } });
    expect(kb.threats[0]?.references).toContainEqual({ kind: 'note', value: 'TMT category: constructor' });
  });

  it('keeps a huge name out of the message', () => {
    const message = refusal(tmt(`${threatType()}<${'A'.repeat(1_000_000)}>`));
    expect(message).toMatch(/^threats\.tb7:6:\d+: Expected closing tag 'A+…$/);
    expect(message.length).toBeLessThan(600);
  });

  it('is refused the same way when its format is detected from the content', () => {
    const text = tmt(threatType(), '<!DOCTYPE KnowledgeBase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n');
    expect(importFailure(() => readKnowledgeBaseFile(text, 'auto', 'threats.tb7'))).toBe(
      `threats.tb7:2:1: the file declares a DOCTYPE; ${NO_DTD}`,
    );
  });
});

describe('a pytm threat library', () => {
  const entry = (fields = '') =>
    `{"SID": "X1", "target": ["Process"], "description": "Injection", "severity": "High"${fields}}`;
  // Entry 1 is on line 2, starting at column 3.
  const library = (...entries: string[]) => `[\n  ${entries.join(',\n  ')}\n]\n`;
  const refusal = (text: string) => importFailure(() => importPytm(text, { file: 'threats.json' }));

  it('is refused for a key named __proto__, constructor or prototype, written plainly or escaped', () => {
    const proto = library(entry(', "__proto__": {"polluted": true}'));
    expect(refusal(proto)).toBe(`threats.json:${where(proto, '"__proto__"')}: the key "__proto__" ${REFUSED_NAME}`);
    const constructor = library(entry(), entry(', "constructor": {"prototype": {"polluted": true}}'));
    expect(refusal(constructor)).toBe(
      `threats.json:${where(constructor, '"constructor"')}: the key "constructor" ${REFUSED_NAME}`,
    );
    const escaped = library(entry(', "\\u005f_proto__": 1'));
    expect(refusal(escaped)).toBe(`threats.json:${where(escaped, '"\\u005f')}: the key "__proto__" ${REFUSED_NAME}`);
  });

  it('is refused for a target or SID named like a prototype, where it stands', () => {
    const target = library(entry().replace('["Process"]', '"constructor"'));
    expect(refusal(target)).toBe(
      `threats.json:${where(target, '"constructor"')}: entry 1 (SID "X1"): the target "constructor" ${REFUSED_NAME}`,
    );
    const inList = library(entry(), entry().replace('["Process"]', '["Process", "__proto__"]'));
    expect(refusal(inList)).toBe(
      `threats.json:${where(inList, '"__proto__"')}: entry 2 (SID "X1"): the target "__proto__" ${REFUSED_NAME}`,
    );
    const sid = library(entry().replace('"X1"', '"prototype"'));
    expect(refusal(sid)).toBe(
      `threats.json:${where(sid, '"prototype"')}: entry 1 (SID "prototype"): the SID "prototype" ${REFUSED_NAME}`,
    );
  });

  it('says a severity named like an inherited property is no severity', () => {
    expect(refusal(library(entry().replace('"High"', '"constructor"')))).toBe(
      'threats.json: entry 1 (SID "X1"): "severity" is "constructor", expected Very Low, Low, Medium, High or Very High',
    );
    expect(refusal(library(entry().replace('"High"', '"__proto__"')))).toBe(
      'threats.json: entry 1 (SID "X1"): "severity" is "__proto__", expected Very Low, Low, Medium, High or Very High',
    );
  });

  it('reads a target named like an inherited method (toString) as a plain word', () => {
    expect(
      importPytm(library(entry().replace('["Process"]', '["toString"]')), { file: 'threats.json' }).threats[0]
        ?.appliesWhen,
    ).toEqual({ words: ['toString'] });
  });

  it('is refused when values nest 100,000 deep, closed or not, at the 101st level', () => {
    expect(refusal('['.repeat(100_000))).toBe(`threats.json:1:101: values ${TOO_DEEP}`);
    expect(refusal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(`threats.json:1:101: values ${TOO_DEEP}`);
    // In an entry of the list, the 99th "[" of the field is the 101st level.
    const deepField = library(entry(`, "example": ${'['.repeat(2_000)}${']'.repeat(2_000)}`));
    expect(refusal(deepField)).toBe(`threats.json:${where(deepField, '[[', 98)}: values ${TOO_DEEP}`);
  });

  it('keeps a huge value out of the message', () => {
    const message = refusal(library(entry().replace('"High"', `"${'A'.repeat(1_000_000)}"`)));
    expect(message).toMatch(/^threats\.json: entry 1 \(SID "X1"\): "severity" is "A+…", expected Very Low/);
    expect(message.length).toBeLessThan(300);
  });

  it('makes one SID repeated 10,000 times unique in one pass', () => {
    // Counting from "-2" again for each repeat took seconds here, and minutes for a file of
    // 50,000 repeats; one pass takes milliseconds, far below the bound even on a busy machine.
    const started = performance.now();
    const ids = uniqueIds(Array.from({ length: 10_000 }, () => 'X1'));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(ids.slice(0, 3)).toEqual(['X1', 'X1-2', 'X1-3']);
    expect(ids[9_999]).toBe('X1-10000');
    expect(new Set(ids).size).toBe(10_000);
  });
});

describe('a Threat Dragon model', () => {
  const threat = (fields = '') =>
    `{"id": "td-1", "title": "Tampering with the store", "type": "Tampering", "severity": "High"${fields}}`;
  // The threat list is on line 4.
  const model = (threats: string, cell = '"name": "Store", "type": "tm.Store"') =>
    `{\n  "version": "2.3.0", "summary": {"title": "Model"},\n  "detail": {"diagrams": [{"title": "Main", "cells": [{"id": "c1", "data": {${cell},\n    "threats": [${threats}]}}]}]}\n}\n`;
  const refusal = (text: string) => importFailure(() => importThreatDragon(text, { file: 'model.json' }));

  it('is refused for a key named __proto__, constructor or prototype', () => {
    const proto = model(threat(', "__proto__": {"polluted": true}'));
    expect(refusal(proto)).toBe(`model.json:${where(proto, '"__proto__"')}: the key "__proto__" ${REFUSED_NAME}`);
    expect(refusal(model(threat()).replace('"version"', '"constructor": {}, "version"'))).toBe(
      `model.json:2:3: the key "constructor" ${REFUSED_NAME}`,
    );
    const prototype = model(threat(), '"name": "Store", "prototype": "tm.Store"');
    expect(refusal(prototype)).toBe(
      `model.json:${where(prototype, '"prototype"')}: the key "prototype" ${REFUSED_NAME}`,
    );
  });

  it('names a threat whose id is a prototype name', () => {
    expect(refusal(model(threat().replace('"td-1"', '"__proto__"')))).toBe(
      `model.json: diagram 1, cell 1, threat 1: "id" is "__proto__", ${REFUSED_NAME.replace(/^is /, '')}`,
    );
  });

  it('reads a type, severity or element type named like an inherited property as unknown', () => {
    const text = model(
      threat().replace('"Tampering"', '"constructor"').replace('"High"', '"__proto__"'),
      '"name": "", "type": "toString"',
    );
    expect(importThreatDragon(text, { file: 'model.json' }).threats[0]).toMatchObject({
      id: 'td-1',
      stride: ['T'],
      impact: 3,
      appliesWhen: { always: true },
    });
  });

  it('is refused when values nest 100,000 deep', () => {
    const text = model(threat(), `"name": "Store", "attrs": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    // Seven levels hold the cell's data (the model, detail, diagrams, the diagram, cells, the cell,
    // data): the 94th {"a": is the 101st level.
    expect(refusal(text)).toBe(`model.json:${where(text, '{"a":', 93 * 5)}: values ${TOO_DEEP}`);
  });
});

describe("a knowledge base in the app's own format", () => {
  const nested = (depth: number, open = '{"all": [', close = ']}') =>
    `${open.repeat(depth - 1)}{"words": ["card"]}${close.repeat(depth - 1)}`;
  const kb = (
    rule: string,
    id = 'T1',
  ) => `{"format": "${KB_FORMAT}", "id": "team", "name": "Team", "version": "1", "source": {"format": "without"},
  "threats": [
    {"id": "${id}", "title": "Card numbers leak", "stride": ["I"], "probability": 3, "impact": 3,
     "appliesWhen": ${rule}}
  ],
  "mitigations": []
}
`;
  const refusal = (text: string) => importFailure(() => readKnowledgeBaseFile(text, 'auto', 'kb.json'));

  it(`reads rules nested ${MAX_RULE_DEPTH} deep`, () => {
    expect(readKnowledgeBaseFile(kb(nested(MAX_RULE_DEPTH)), 'auto', 'kb.json').threats[0]?.id).toBe('T1');
  });

  it('refuses rules nested one level deeper, at the rule past the limit', () => {
    const all = kb(nested(MAX_RULE_DEPTH + 1));
    // The 33rd rule is the words rule inside 32 "all" rules of 9 characters each.
    expect(refusal(all)).toBe(`kb.json:${where(all, '{"all"', 32 * 9)}: threats[0]: ${RULES_TOO_DEEP}`);
    const not = kb(nested(MAX_RULE_DEPTH + 1, '{"not": ', '}'));
    expect(refusal(not)).toBe(`kb.json:${where(not, '{"words"')}: threats[0]: ${RULES_TOO_DEEP}`);
  });

  it('refuses rules nested 2,000 and 100,000 deep before reading them, naming them as rules', () => {
    // The root object, the threat list and the threat hold the first rule at level 4; each
    // "all" adds two levels, so the 101st level is the "[" of the 49th "all".
    const all = kb(nested(2_000));
    expect(refusal(all)).toBe(`kb.json:${where(all, '{"all"', 48 * 9 + 8)}: ${RULES_TOO_DEEP}`);
    const any = kb(nested(100_000, '{"any": [', ']}'));
    expect(refusal(any)).toBe(`kb.json:${where(any, '{"any"', 48 * 9 + 8)}: ${RULES_TOO_DEEP}`);
  });

  it('refuses a key named __proto__ and an id that is a prototype name', () => {
    const proto = kb('{"words": ["card"]}').replace('"name"', '"__proto__": {"polluted": true}, "name"');
    expect(refusal(proto)).toBe(`kb.json:${where(proto, '"__proto__"')}: the key "__proto__" ${REFUSED_NAME}`);
    expect(refusal(kb('{"words": ["card"]}', 'constructor'))).toBe(
      `kb.json: threats[0]: "id" is "constructor", ${REFUSED_NAME.replace(/^is /, '')}`,
    );
  });
});
