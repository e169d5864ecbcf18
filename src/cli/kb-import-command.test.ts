import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sharedFile } from '../domain/knowledge-base/importers/importer-test-support';
import { KnowledgeBase } from '../domain/knowledge-base/knowledge-base';
import { runCli } from '../../test/support/cli-run';
import { EXIT } from './cli-io';

const REPO = path.resolve(__dirname, '../..');
const LIBRARIES = path.resolve(REPO, '..', 'shared/threat-libraries');
const PYTM = path.join(LIBRARIES, 'pytm/threats.json');
const TMT = path.join(LIBRARIES, 'microsoft-tmt/default.tb7');
const DRAGON = path.join(LIBRARIES, 'threat-dragon/v2-threat-model.json');
// Skipped where ../shared is missing, and failing in CI, as every test on the real libraries.
const { describeIfShared } = sharedFile('.', 'without kb import');

const run = (...args: string[]) => runCli(['kb', 'import', ...args]);

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-import-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
const tempFile = (name: string, text: string): string => {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, text);
  return file;
};

describeIfShared('without kb import on the real libraries', () => {
  it.each([
    [PYTM, { format: 'pytm', threats: 114, mitigations: 114, questions: 0 }],
    [TMT, { format: 'tmt', threats: 47, mitigations: 0, questions: 0 }],
    [DRAGON, { format: 'threat-dragon', threats: 14, mitigations: 11, questions: 0 }],
  ])('summarises %s', async (file, summary) => {
    const result = await run(file, '--summary');
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual(summary);
  });

  it('prints the whole knowledge base, with the id and name given', async () => {
    const result = await run(PYTM, '--format', 'pytm', '--id', 'owasp-pytm', '--name', 'OWASP pytm');
    expect(result.code).toBe(EXIT.ok);
    const kb = KnowledgeBase.parse(JSON.parse(result.stdout));
    expect(kb).toMatchObject({
      id: 'owasp-pytm',
      name: 'OWASP pytm',
      source: { format: 'pytm', file: 'threats.json' },
    });
    expect(kb.threats[0]?.id).toBe('INP01');
  });

  it('fails with exit 2 when the format given does not fit the file', async () => {
    const result = await run(PYTM, '--format', 'tmt');
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/^without kb import: .*threats\.json:1:1: /);
  });
});

describe('without kb import', () => {
  it('prints its usage for --help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('Usage: without kb import FILE');
  });

  it.each([
    [['missing-file.json'], 'cannot read missing-file.json: no such file'],
    [['--bogus', 'x.json'], 'unknown option --bogus'],
    [['x.json', '--format', 'yaml'], '--format must be one of auto, pytm, tmt, threat-dragon'],
    [[], 'give exactly one FILE'],
  ])('exits 2 for %j', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('gives the position and reason of a truncated file', async () => {
    const file = tempFile('threats.json', '[\n  {"SID": "INP01",\n   "description": "Buffer');
    const result = await run(file, '--summary');
    expect(result.code).toBe(EXIT.usage);
    // The reason is V8's ("Unterminated string"); the position is the end of the text.
    expect(result.stderr).toMatch(/^without kb import: .*threats\.json:3:26: \w/);
  });

  it('names the entry of a wrong structure', async () => {
    const file = tempFile('threats.json', JSON.stringify([{ SID: 'INP01', description: 'Buffer overflow' }]));
    const result = await run(file);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('entry 1 (SID "INP01"): "severity" is missing');
  });
});

describe('without kb import on hostile files', () => {
  const refused =
    "is a name Without for Jira refuses (__proto__, constructor and prototype could change how the app's objects behave)";
  // <KnowledgeBase><ThreatTypes> take columns 1 to 28 of line 2: the body starts at column 29.
  const tmt = (prolog: string, body = '') =>
    `<?xml version="1.0"?>\n${prolog}<KnowledgeBase><ThreatTypes>${body}</ThreatTypes></KnowledgeBase>\n`;

  it.each([
    [
      'doctype.tb7',
      tmt('<!DOCTYPE KnowledgeBase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
      '2:1: the file declares a DOCTYPE; Without for Jira does not read DTDs or entities',
    ],
    [
      'proto.tb7',
      tmt('', '<__proto__><polluted>yes</polluted></__proto__>'),
      `2:29: the element <__proto__> ${refused}`,
    ],
    [
      'target.json',
      '[{"SID": "X1", "target": "constructor", "description": "Injection", "severity": "High"}]',
      `1:26: entry 1 (SID "X1"): the target "constructor" ${refused}`,
    ],
    [
      'key.json',
      '[{"SID": "X1", "__proto__": {"polluted": true}, "description": "Injection", "severity": "High"}]',
      `1:16: the key "__proto__" ${refused}`,
    ],
    [
      'deep.json',
      '['.repeat(100_000),
      '1:101: values are nested more than 100 levels deep here; Without for Jira reads at most 100',
    ],
    [
      'deep.tb7',
      tmt('', `<ThreatType>${'<a>'.repeat(100_000)}`),
      '2:332: elements are nested more than 100 levels deep here; Without for Jira reads at most 100',
    ],
  ])('exits 2 with the file, line, column and reason for %s, and no stack trace', async (name, text, where) => {
    const file = tempFile(name, text);
    const result = await run(file, '--summary');
    expect(result).toEqual({ code: EXIT.usage, stdout: '', stderr: `without kb import: ${file}:${where}\n` });
  });
});

// The real command line, once: bin/without.mjs runs src/cli through tsx in a child process.
describe('bin/without.mjs kb import', () => {
  const execFileAsync = promisify(execFile);
  const runBin = (...args: string[]) =>
    execFileAsync(process.execPath, [path.join(REPO, 'bin/without.mjs'), 'kb', 'import', ...args], { cwd: REPO });

  (fs.existsSync(PYTM) ? it : it.skip)(
    'prints the summary of the pytm library and exits 0',
    async () => {
      const { stdout } = await runBin(PYTM, '--summary');
      expect(JSON.parse(stdout)).toEqual({ format: 'pytm', threats: 114, mitigations: 114, questions: 0 });
    },
    30_000,
  );

  it('exits 2 with the position on stderr for a DOCTYPE, never 1 with a stack trace', async () => {
    const file = tempFile(
      'entity.tb7',
      '<?xml version="1.0"?>\n<!DOCTYPE KnowledgeBase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<KnowledgeBase />',
    );
    await expect(runBin(file)).rejects.toMatchObject({
      code: 2,
      stderr: `without kb import: ${file}:2:1: the file declares a DOCTYPE; Without for Jira does not read DTDs or entities\n`,
    });
  }, 30_000);

  it('exits 2 with the position on stderr for a truncated file', async () => {
    const file = tempFile('truncated.tb7', '<?xml version="1.0"?>\n<KnowledgeBase>\n  <ThreatTypes>\n    <ThreatType>');
    await expect(runBin(file)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${file}:4:17: the file ends before <ThreatType> is closed`),
    });
  }, 30_000);
});
