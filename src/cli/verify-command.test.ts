import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { siteClient } from '../../test/support/jira-clients';
import { connectionFlags, runCli } from '../../test/support/cli-run';
import { readThreatModel } from '../jira/threat-model/threat-model-repository';
import { verificationFailed } from '../domain/verification/verification-record';

const DEMO_SARIF = join(__dirname, '../../local/site/seed/demo-codeql.sarif');

describe('without verify', () => {
  let site: LocalSite;
  const dir = mkdtempSync(join(tmpdir(), 'without-verify-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());
  const run = (who: string, ...extra: string[]) =>
    runCli(['verify', ...connectionFlags(site, { email: `${who}@example.com` }), ...extra]);
  const m5 = async () =>
    (await readThreatModel(siteClient(site), 'PAY')).model.mitigations.find((m) => m.id === 'M-5')!;

  it("exits 1 for the demo's CodeQL file (CWE-79 maps to T-7's M-5, which is in place) and records nothing", async () => {
    const before = await m5();
    const { code, stdout, stderr } = await run('bob', '--sarif', DEMO_SARIF);
    expect(code).toBe(1);
    expect(stdout).toContain(
      'CodeQL js/reflected-xss [CWE-79, CWE-116] src/checkout/receipt-page.ts:42 -> T-7, M-5 (existing: verification failed)',
    );
    expect(stdout).toContain('CodeQL js/insecure-randomness [CWE-338] src/wallet/device-id.ts:7 -> not mapped');
    expect(stderr).toContain('1 mitigations failed verification');
    expect(await m5()).toEqual(before);
  });

  it('prints the mapping as JSON', async () => {
    const { code, stdout } = await run('bob', '--sarif', DEMO_SARIF, '--format', 'json', '--quiet');
    expect(code).toBe(1);
    const mapping = JSON.parse(stdout) as { tools: string[]; failing: Array<{ id: string }> };
    expect(mapping.tools).toEqual(['CodeQL']);
    expect(mapping.failing.map((f) => f.id)).toEqual(['M-5']);
  });

  it('prints what the file names without terminal escapes or bidi overrides', async () => {
    const hostile = file(
      'hostile.sarif',
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Scan\u001b]0;pwned\u0007' } },
            results: [
              {
                ruleId: 'rule\u202eevil',
                message: { text: 'x' },
                locations: [
                  { physicalLocation: { artifactLocation: { uri: 'a\u001b[2Jb.ts' }, region: { startLine: 1 } } },
                ],
              },
            ],
          },
        ],
      }),
    );
    const { code, stdout } = await run('bob', '--sarif', hostile, '--quiet');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Scan \]0;pwned +rule evil a \[2Jb\.ts:1/);
    // Nothing but line breaks below a space, and no bidi override.
    const unprintable = [...stdout].filter(
      (c) => (c < ' ' && c !== '\n') || /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(c),
    );
    expect(unprintable).toEqual([]);
  });

  it('exits 0 when no open result maps to a mitigation in place', async () => {
    const clean = file(
      'clean.sarif',
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: { name: 'CodeQL', rules: [{ id: 'js/xss', properties: { tags: ['external/cwe/cwe-079'] } }] },
            },
            results: [
              {
                ruleId: 'js/xss',
                message: { text: 'dismissed' },
                suppressions: [{ kind: 'external', status: 'accepted' }],
              },
              { ruleId: 'js/other', message: { text: 'unmapped' } },
            ],
          },
        ],
      }),
    );
    const { code, stdout } = await run('bob', '--sarif', clean, '--quiet');
    expect(code).toBe(0);
    expect(stdout).toContain('1 open results (1 closed), 0 mapped; verification failed: none');
  });

  it('exits 2 on a malformed file with file:line:col: reason, before reaching Jira, and writes nothing', async () => {
    const before = await m5();
    const broken = file(
      'broken.sarif',
      '{\n  "version": "2.1.0",\n  "runs": [\n    { "tool": { "driver": { "name": "CodeQL" } },\n',
    );
    const malformed = await run('alice', '--sarif', broken, '--record');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      new RegExp(`^without verify: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: `),
    );
    const wrongShape = file('shape.sarif', '{\n  "version": "2.1.0",\n  "runs": [{ "results": [] }]\n}\n');
    const shape = await run('alice', '--sarif', wrongShape, '--record');
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain(`${wrongShape}:3:12: not SARIF 2.1.0: "runs.0.tool" is missing`);
    expect((await run('alice', '--sarif', join(dir, 'missing.sarif'))).code).toBe(2);
    expect((await run('alice', '--sarif', DEMO_SARIF, '--format', 'xml')).code).toBe(2);
    expect(await m5()).toEqual(before);
  });

  it('records with --record only for someone who may edit the threat model', async () => {
    const carol = await run('carol', '--sarif', DEMO_SARIF, '--record');
    expect(carol.code).toBe(2);
    expect(carol.stderr).toContain("You can't edit PAY's threat model");
    expect(verificationFailed(await m5())).toBe(false);

    const alice = await run('alice', '--sarif', DEMO_SARIF, '--record');
    expect(alice.code).toBe(1);
    expect(alice.stderr).toContain('(recorded)');
    const recorded = await m5();
    expect(verificationFailed(recorded)).toBe(true);
    expect(recorded.verifications?.at(-1)).toMatchObject({
      source: 'sarif',
      outcome: 'fail',
      tool: 'CodeQL',
      results: [
        { ruleId: 'js/reflected-xss', cwe: ['CWE-79', 'CWE-116'], location: 'src/checkout/receipt-page.ts:42' },
      ],
      recorded: { accountId: '712020:alice' },
    });
  });
});
