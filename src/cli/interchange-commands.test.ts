import fs from 'fs';
import os from 'os';
import path from 'path';
import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { addSecondProject } from '../../test/support/second-project';
import { connectionFlags, runCli } from '../../test/support/cli-run';
import { OTM_SCHEMA, TC_EXAMPLE, TC_SCHEMA, schemaErrors } from '../domain/interchange/interchange-test-support';

describe('without export and without import', () => {
  let site: LocalSite;
  let dir: string;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    const { project } = addSecondProject(site);
    for (const p of site.store.all('projectProperty').filter((p) => p.projectId === project.id))
      site.store.delete('projectProperty', `${project.id}/${p.key}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'without-interchange-'));
  });
  afterAll(() => {
    site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const run = (command: string[], project = 'PAY', email = 'alice@example.com') =>
    runCli([...command, ...connectionFlags(site, { project, email })]);
  const writes = async (work: () => Promise<unknown>) => {
    const mark = site.log.mark();
    await work();
    return site.log.since(mark).filter((r) => r.method !== 'GET' && !r.path.endsWith('/search/jql'));
  };

  it('export prints the model as OTM and as Threat Composer, valid against their schemas', async () => {
    const otm = await run(['export', '--format', 'otm']);
    expect(otm.code).toBe(0);
    expect(otm.stderr).toMatch(/^export PAY: \d+ threats, \d+ mitigations as otm$/m);
    if (OTM_SCHEMA.describeIfShared === describe)
      expect(schemaErrors(OTM_SCHEMA.file, JSON.parse(otm.stdout))).toEqual([]);
    const tc = await run(['export', '--format', 'threat-composer', '--quiet']);
    expect(tc).toMatchObject({ code: 0, stderr: '' });
    if (TC_SCHEMA.describeIfShared === describe)
      expect(schemaErrors(TC_SCHEMA.file, JSON.parse(tc.stdout))).toEqual([]);
  });

  it('export without --format, or with another, is a usage error (exit 2)', async () => {
    expect((await run(['export'])).code).toBe(2);
    const wrong = await run(['export', '--format', 'pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--format must be one of otm, threat-composer/);
  });

  (TC_EXAMPLE.describeIfShared === describe ? it : it.skip)(
    'import --dry-run writes nothing; import creates 20 threats and 18 mitigations; again creates nothing',
    async () => {
      const file = TC_EXAMPLE.file;
      let dry = { code: -1, stdout: '' };
      expect(await writes(async () => (dry = await run(['import', file, '--dry-run'], 'SEC')))).toEqual([]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/^threats: 20 to create, 0 to update, 0 unchanged$/m);
      const first = await run(['import', file], 'SEC');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^threats: 20 created, 0 updated, 0 unchanged$/m);
      expect(first.stdout).toMatch(/^mitigations: 18 created, 0 updated, 0 unchanged$/m);
      const again = await run(['import', file, '--json'], 'SEC');
      expect(JSON.parse(again.stdout)).toMatchObject({
        applied: true,
        preview: {
          threats: { create: 0, update: 0, unchanged: 20, conflict: 0 },
          mitigations: { create: 0, update: 0, unchanged: 18, conflict: 0 },
        },
      });
      // An export of SEC imports back into SEC unchanged.
      const exported = path.join(dir, 'sec.tc.json');
      fs.writeFileSync(exported, (await run(['export', '--format', 'threat-composer'], 'SEC')).stdout);
      expect((await run(['import', exported], 'SEC')).stdout).toMatch(/^threats: 0 created, 0 updated, 20 unchanged$/m);
    },
  );

  it('re-importing an export shows renames as old -> new, and leaves what changed in Jira since that export', async () => {
    const exported = JSON.parse((await run(['export', '--format', 'otm'])).stdout) as {
      threats: Array<{ name: string; attributes: Record<string, unknown> }>;
    };
    const first = exported.threats[0]!;
    const renamed = (title: string) => {
      const file = path.join(dir, `renamed-${title.length}.otm.json`);
      fs.writeFileSync(
        file,
        JSON.stringify({ ...exported, threats: [{ ...first, name: title }, ...exported.threats.slice(1)] }),
      );
      return file;
    };
    const id = String(first.attributes['without:threatId']);
    const once = await run(['import', renamed('Renamed elsewhere')]);
    expect(once.code).toBe(0);
    expect(once.stdout).toContain(`  update ${id} ${first.name} -> Renamed elsewhere\n`);
    // The same export, renamed differently: that threat changed in Jira since (the import above).
    const twice = await run(['import', renamed('Renamed differently elsewhere')]);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toMatch(/^threats: 0 created, 0 updated, \d+ unchanged, 1 changed in Jira since the export/m);
    expect(twice.stdout).toContain(
      `warning: ${id} ("Renamed elsewhere") was changed in Jira since this file was exported`,
    );
  });

  it('a malformed file exits 2 with file:line:col and writes nothing', async () => {
    const broken = path.join(dir, 'broken.otm.json');
    fs.writeFileSync(
      broken,
      '{\n  "otmVersion": "0.2.0",\n  "project": { "name": "P", "id": "p" },\n  "threats": [\n    { "id": "t1", "name": "N", "risk": { "likelihood": 50 }\n  ]\n}\n',
    );
    let result = { code: -1, stderr: '' };
    expect(await writes(async () => (result = await run(['import', broken])))).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`without import: ${broken}:6:3: Expected ',' or '}' after property value\n`);
    const wrongShape = path.join(dir, 'shape.otm.json');
    fs.writeFileSync(
      wrongShape,
      '{\n  "otmVersion": "0.2.0",\n  "project": { "name": "P", "id": "p" },\n  "threats": [\n    { "id": "t1", "name": "N", "risk": { "likelihood": 50 } }\n  ]\n}\n',
    );
    expect(await writes(async () => (result = await run(['import', wrongShape])))).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`without import: ${wrongShape}:5:40: threats[0].risk.impact is missing\n`);
  });

  it('a person who may not edit the model is told so (exit 2) and nothing is written', async () => {
    const file = path.join(dir, 'one.otm.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        otmVersion: '0.2.0',
        project: { name: 'x', id: 'x' },
        threats: [{ id: 't', name: 'A threat', risk: { likelihood: 20, impact: 20 } }],
      }),
    );
    let result = { code: -1, stderr: '' };
    expect(await writes(async () => (result = await run(['import', file], 'PAY', 'carol@example.com')))).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^without import: .* refused \(403\): importing from the command line needs the account of a project administrator\.$/m,
    );
  });
});

describe('without kb import of OTM and Threat Composer files', () => {
  (TC_EXAMPLE.describeIfShared === describe ? it : it.skip)(
    'reads the Threat Composer example as a knowledge base',
    async () => {
      const { code, stdout } = await runCli(['kb', 'import', TC_EXAMPLE.file, '--summary']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ format: 'threat-composer', threats: 20, mitigations: 18, questions: 0 });
    },
  );

  (OTM_SCHEMA.describeIfShared === describe ? it : it.skip)('reads the OTM example as a knowledge base', async () => {
    const example = path.join(path.dirname(OTM_SCHEMA.file), 'EXAMPLE.json');
    const { code, stdout } = await runCli(['kb', 'import', example]);
    expect(code).toBe(0);
    const kb = JSON.parse(stdout) as {
      source: { format: string };
      threats: Array<{ id: string; component: string }>;
    };
    expect(kb.source.format).toBe('otm');
    expect(kb.threats).toEqual([expect.objectContaining({ component: 'Web Service' })]);
  });
});
