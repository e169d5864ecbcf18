import fs from 'fs';
import { aStoryContext } from '../story-context-mother';
import { KnowledgeBase } from '../knowledge-base';
import { suggestThreats } from '../suggest';
import { sharedFile } from './importer-test-support';
import { collapseSpace } from './import-text';
import { parseXmlText } from './parse-xml-text';
import { importTmt } from './tmt';
import { readablePlaceholders, readableTemplates, roleNamesOf } from './tmt-placeholders';
import { TMT_LIST_TAGS, TmtKnowledgeBase } from './tmt-template';

const { file: TEMPLATE, describeIfShared } = sharedFile('microsoft-tmt/default.tb7', 'TMT placeholders');

// Stories a team writes, so that every kind of TMT rule (words of processes, data stores, flows,
// the catch-all "(v3)" ones) is suggested for at least one of them.
const STORIES = [
  aStoryContext('As a buyer, I want to pay with my credit card so that I can buy goods', {
    description: 'Card payment through the payment service provider; the web server calls its API over HTTP.',
    clauses: ['having my card data stolen'],
  }),
  aStoryContext('As an admin, I want every change saved to the SQL database and the audit log', {
    description: 'A worker process writes records to storage and a file cache; users upload files from the browser.',
  }),
  aStoryContext('As a partner, I want to sync orders through a message queue with single sign-on'),
];

const textsOf = (kb: KnowledgeBase): string[] => [
  ...kb.threats.flatMap((t) => [t.title, t.description]),
  ...kb.mitigations.flatMap((m) => [m.title, m.implementation, m.verification]),
];

describeIfShared('placeholders of the Microsoft TMT default template', () => {
  const text = fs.readFileSync(TEMPLATE, 'utf8');

  it('are resolved at import: no "{" in any title or description, and no suggestion shows one', () => {
    const kb = importTmt(text, { file: 'default.tb7' });
    expect(text).toContain('{target.Name}');
    expect(textsOf(kb).filter((t) => t.includes('{') || t.includes('}'))).toEqual([]);
    const suggestions = STORIES.flatMap((story) =>
      suggestThreats({ knowledgeBases: [kb], mode: 'full', story, existing: [] }),
    );
    expect(new Set(suggestions.map((s) => s.template.id)).size).toBeGreaterThan(30);
    for (const s of suggestions) expect(`${s.template.title} ${s.template.description}`).not.toMatch(/[{}]/);
  });

  it('become the element the filter names, else the role in words, in Title Case in titles', () => {
    const kb = importTmt(text, { file: 'default.tb7' });
    const title = (id: string) => kb.threats.find((t) => t.id === id)?.title;
    expect(title('S1')).toBe('Spoofing the Source Process');
    expect(title('S2')).toBe('Spoofing the Target Process');
    expect(title('T7')).toBe('Potential SQL Injection Vulnerability for the SQL Database');
    expect(title('D4')).toBe('Data Flow Is Potentially Interrupted');
    expect(title('E6')).toBe('The Target Process May be Subject to Elevation of Privilege Using Remote Code Execution');
    expect(kb.threats.find((t) => t.id === 'S1')?.description).toBe(
      'The source process may be spoofed by an attacker and this may lead to unauthorized access to the target. Consider using a standard authentication mechanism to identify the source process.',
    );
    expect(kb.threats.find((t) => t.id === 'T13.1')?.description).toBe(
      'The web server could be a subject to a cross-site scripting attack because it does not sanitize untrusted input.',
    );
  });

  it('are resolved when a knowledge base stored by an older import is read', () => {
    // What the import stored before it resolved them: the template's own titles and descriptions.
    const template = TmtKnowledgeBase.parse(
      (parseXmlText(text, 'default.tb7', TMT_LIST_TAGS) as { KnowledgeBase: unknown }).KnowledgeBase,
    );
    const raw = new Map(template.ThreatTypes.ThreatType.map((t) => [t.Id, t]));
    const imported = importTmt(text, { file: 'default.tb7' });
    const stored = KnowledgeBase.parse({
      ...imported,
      threats: imported.threats.map((t) => ({
        ...t,
        title: collapseSpace(raw.get(t.id)?.ShortTitle ?? t.title),
        description: raw.get(t.id)?.Description || t.description,
      })),
    });
    expect(textsOf(stored).filter((t) => t.includes('{')).length).toBeGreaterThan(40);

    const read = readableTemplates(stored);
    expect(textsOf(read).filter((t) => /[{}]/.test(t))).toEqual([]);
    expect(read.threats.find((t) => t.id === 'S2')?.title).toBe('Spoofing the Target Process');
    const suggestions = STORIES.flatMap((story) =>
      suggestThreats({ knowledgeBases: [read], mode: 'full', story, existing: [] }),
    );
    for (const s of suggestions) expect(`${s.template.title} ${s.template.description}`).not.toMatch(/[{}]/);
    // Nothing to resolve: the same object, so what is cached by knowledge base stays cached.
    expect(readableTemplates(read)).toBe(read);
  });
});

describe('readablePlaceholders', () => {
  it('resolves the roles TMT uses, in any case, and removes any other placeholder', () => {
    expect(readablePlaceholders('{source.name} may be spoofed')).toBe('The source may be spoofed');
    expect(readablePlaceholders('Crash of {target.Name}', { target: 'web server' }, { title: true })).toBe(
      'Crash of the Web Server',
    );
    expect(readablePlaceholders('Data sent to {target.Protocol}.')).toBe('Data sent to the target.');
    expect(readablePlaceholders('Leaks {weird}; {}')).toBe('Leaks the weird;');
    expect(readablePlaceholders('No placeholder at all')).toBe('No placeholder at all');
  });

  it('knows a role only when the filter names one element for it', () => {
    expect(roleNamesOf("source is 'GE.P' and (target is 'GE.P' or target is 'GE.DS')")).toEqual({ source: 'process' });
    expect(
      roleNamesOf("target is 'SE.DS.TMCore.SQL'", (id) => (id === 'SE.DS.TMCore.SQL' ? 'SQL Database' : undefined)),
    ).toEqual({
      target: 'SQL Database',
    });
    expect(roleNamesOf("source is 'ROOT'")).toEqual({});
  });
});
