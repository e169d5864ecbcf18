import fs from 'fs';
import { readWholeModel, type WholeThreatModel } from '../../../test/support/whole-threat-model';
import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { addSecondProject } from '../../../test/support/second-project';
import type { InterchangeAccess, InterchangeExport, InterchangeImportResult, KbUploadResult } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { OTM_SCHEMA, TC_EXAMPLE, TC_SCHEMA, schemaErrors } from '../../domain/interchange/interchange-test-support';
import { resolver } from '../../index';
import { exportThreatModel } from '../../app/interchange/export-threat-model';
import { exportThreatModelPart } from '../../app/interchange/export-threat-model-part';
import { siteClient } from '../../../test/support/jira-clients';

const onProject = (key: string, id: string) => ({ type: 'jira:projectPage', project: { id, key } });
type Who = 'alice' | 'bob' | 'carol';

describe('interchange resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let sec: ReturnType<typeof onProject>;
  const PAY = onProject('PAY', '10000');
  const ok = <T>(answer: unknown): T => {
    const envelope = answer as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  };
  const requestsOf = async (run: () => Promise<unknown>) => {
    const mark = site.log.mark();
    await run();
    return site.log.since(mark).map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}`);
  };
  const upload = (text: string, fileName = 'ThreatComposer.tc.json') => ({
    fileName,
    format: 'auto',
    content: { encoding: 'deflate-base64', data: deflateRawSync(Buffer.from(text)).toString('base64') },
  });

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const { project } = addSecondProject(site);
    // SEC starts as a copy of PAY's model; this journey wants an empty one.
    for (const p of site.store.all('projectProperty').filter((p) => p.projectId === project.id))
      site.store.delete('projectProperty', `${project.id}/${p.key}`);
    sec = onProject('SEC', String(project.id));
  });
  afterAll(() => site.close());

  it('says who may import before a file is picked: a model editor, not a browse-only person', async () => {
    expect(ok<InterchangeAccess>(await call('alice', 'interchange/access', {}, PAY))).toEqual({ canImport: true });
    expect(ok<InterchangeAccess>(await call('carol', 'interchange/access', {}, PAY))).toEqual({ canImport: false });
  });

  it('exports PAY as OTM and as Threat Composer, valid against their schemas, for anyone who can browse', async () => {
    const otm = ok<InterchangeExport>(await call('carol', 'interchange/export', { format: 'otm' }, PAY));
    expect(otm.fileName).toBe('PAY-threat-model.otm.json');
    // One line, no indentation: the answer of a large model must fit Forge's limit.
    expect(otm.text.trimEnd()).not.toContain('\n');
    expect(JSON.parse(otm.text).threats[0].attributes['without:revision']).toEqual(expect.any(Number));
    const document = JSON.parse(otm.text) as { threats: Array<{ attributes: Record<string, unknown> }> };
    if (OTM_SCHEMA.describeIfShared === describe) expect(schemaErrors(OTM_SCHEMA.file, document)).toEqual([]);
    expect(document.threats).toHaveLength(otm.threats);
    // The stories that carry a threat, with their WITHOUT clauses, ride along in attributes.
    const stories = document.threats.flatMap(
      (t) => t.attributes['without:stories'] as Array<{ key: string; clauses: string[] }>,
    );
    expect(stories.some((s) => /^PAY-\d+$/.test(s.key) && s.clauses.length > 0)).toBe(true);
    const tc = ok<InterchangeExport>(await call('carol', 'interchange/export', { format: 'threat-composer' }, PAY));
    if (TC_SCHEMA.describeIfShared === describe) expect(schemaErrors(TC_SCHEMA.file, JSON.parse(tc.text))).toEqual([]);
  });

  it("PAY's own export previewed back into PAY changes nothing (matched by the project's ids)", async () => {
    for (const format of ['otm', 'threat-composer'] as const) {
      const exported = ok<InterchangeExport>(await call('alice', 'interchange/export', { format }, PAY));
      const back = ok<InterchangeImportResult>(
        await call('alice', 'interchange/preview-import', upload(exported.text, exported.fileName), PAY),
      );
      expect(back.preview.threats).toEqual({ create: 0, update: 0, unchanged: exported.threats, conflict: 0 });
      expect(back.preview.mitigations).toEqual({
        create: 0,
        update: 0,
        unchanged: exported.mitigations,
        conflict: 0,
      });
    }
  });

  it('export reads the model and the stories with clauses, as the person: 2 requests for the demo', async () => {
    // (The field's id is cached per installation since the first export.)
    const requests = await requestsOf(() => call('bob', 'interchange/export', { format: 'otm' }, PAY));
    expect(requests).toEqual(['user GET /rest/api/3/project/PAY', 'user POST /rest/api/3/search/jql']);
  });

  (TC_EXAMPLE.describeIfShared === describe ? it : it.skip)(
    'previews, then imports the Threat Composer example into an empty project; a second import creates nothing',
    async () => {
      const text = fs.readFileSync(TC_EXAMPLE.file, 'utf8');
      let preview: InterchangeImportResult | undefined;
      const previewRequests = await requestsOf(async () => {
        preview = ok<InterchangeImportResult>(await call('alice', 'interchange/preview-import', upload(text), sec));
      });
      expect(preview).toMatchObject({
        applied: false,
        preview: { threats: { create: 20 }, mitigations: { create: 18 } },
      });
      // A preview reads the model (a project with no model yet also lists its properties) and writes nothing.
      expect(previewRequests).toEqual([
        'user GET /rest/api/3/project/SEC',
        'user GET /rest/api/3/project/SEC/properties',
      ]);
      const imported = ok<InterchangeImportResult>(
        await call('alice', 'interchange/import', { ...upload(text), token: preview!.preview.token }, sec),
      );
      expect(imported.preview.threats.create).toBe(20);
      const view = ok<WholeThreatModel>(await readWholeModel(call, 'alice', sec));
      expect(view.threats).toHaveLength(20);
      expect(view.mitigations).toHaveLength(18);
      const seen = ok<InterchangeImportResult>(await call('alice', 'interchange/preview-import', upload(text), sec));
      const again = ok<InterchangeImportResult>(
        await call('alice', 'interchange/import', { ...upload(text), token: seen.preview.token }, sec),
      );
      expect(again.preview.threats).toEqual({ create: 0, update: 0, unchanged: 20, conflict: 0 });
      expect(again.preview.mitigations).toEqual({ create: 0, update: 0, unchanged: 18, conflict: 0 });
      const after = ok<WholeThreatModel>(await readWholeModel(call, 'alice', sec));
      expect(after.threats).toHaveLength(20);
    },
  );

  it.each<[Who, 'PAY' | 'SEC']>([
    ['carol', 'PAY'],
    ['bob', 'SEC'],
  ])('%s, who may not edit the model of %s, is refused and nothing is written', async (who, key) => {
    const code = 'FORBIDDEN';
    const file = JSON.stringify({
      otmVersion: '0.2.0',
      project: { name: 'x', id: 'x' },
      threats: [{ id: 't', name: 'Forged threat', risk: { likelihood: 50, impact: 50 } }],
    });
    const requests = await requestsOf(async () => {
      const answer = (await call(
        who,
        'interchange/import',
        { ...upload(file, 'x.otm.json'), token: 'any' },
        key === 'PAY' ? PAY : sec,
      )) as Envelope<unknown>;
      expect(answer.ok ? 'ok' : answer.error.code).toBe(code);
      // The permission comes before the file: a broken one is refused for who sends it, not parsed.
      const broken = (await call(
        who,
        'interchange/import',
        { ...upload('{"otmVersion": ', 'x.otm.json'), token: 'any' },
        key === 'PAY' ? PAY : sec,
      )) as Envelope<unknown>;
      expect(broken.ok ? 'ok' : broken.error.code).toBe(code);
    });
    expect(requests.filter((r) => r.includes(' PUT ') || r.includes(' DELETE '))).toEqual([]);
  });

  it('carol, who cannot see SEC, gets no preview of a file there: the project is checked before the file is read', async () => {
    const answer = (await call(
      'carol',
      'interchange/preview-import',
      upload('{"otmVersion": ', 'x.otm.json'),
      sec,
    )) as Envelope<unknown>;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).not.toBe('BAD_REQUEST');
  });

  it('refuses an import when the model changed since its preview (CONFLICT), and writes nothing', async () => {
    const exported = ok<InterchangeExport>(await call('alice', 'interchange/export', { format: 'otm' }, PAY));
    const edited = JSON.parse(exported.text) as { threats: Array<{ name: string }> };
    edited.threats[0]!.name = 'Renamed in another tool';
    const file = upload(JSON.stringify(edited), exported.fileName);
    const seen = ok<InterchangeImportResult>(await call('alice', 'interchange/preview-import', file, PAY));
    const target = seen.preview.items.find((i) => i.action === 'update')!;
    expect(target).toMatchObject({ kind: 'threat', title: 'Renamed in another tool' });
    expect(target.previousTitle).toEqual(expect.any(String));
    // Meanwhile bob retires some other threat the file also holds.
    const view = ok<WholeThreatModel>(await readWholeModel(call, 'alice', PAY));
    const other = view.threats.find((t) => t.id !== target.id && t.state === 'active')!;
    ok(
      await call(
        'alice',
        'threat-model/set-threat-state',
        { id: other.id, baseRevision: other.revision, state: 'retired' },
        PAY,
      ),
    );
    const requests = await requestsOf(async () => {
      const answer = (await call(
        'alice',
        'interchange/import',
        { ...file, token: seen.preview.token },
        PAY,
      )) as Envelope<unknown>;
      expect(answer.ok ? 'ok' : answer.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('changed since the preview'),
      });
    });
    expect(requests.filter((r) => !r.includes(' GET ') && !r.includes('without.model.lock'))).toEqual([]);
    const after = ok<WholeThreatModel>(await readWholeModel(call, 'alice', PAY));
    expect(after.threats.find((t) => t.id === target.id)!.title).toBe(target.previousTitle);
    // The file, exported before bob's change, is older than that threat now: importing it
    // leaves bob's change alone and says so.
    const again = ok<InterchangeImportResult>(await call('alice', 'interchange/preview-import', file, PAY));
    expect(again.preview.threats).toMatchObject({ update: 1, conflict: 1 });
    expect(again.preview.warnings).toEqual([expect.stringContaining(`${other.id} (`)]);
    ok(await call('alice', 'interchange/import', { ...file, token: again.preview.token }, PAY));
    const final = ok<WholeThreatModel>(await readWholeModel(call, 'alice', PAY));
    expect(final.threats.find((t) => t.id === other.id)!.state).toBe('retired');
    expect(final.threats.find((t) => t.id === target.id)!.title).toBe('Renamed in another tool');
  });

  (TC_EXAMPLE.describeIfShared === describe ? it : it.skip)(
    'the settings upload reads the same file as a knowledge base',
    async () => {
      const text = fs.readFileSync(TC_EXAMPLE.file, 'utf8');
      const answer = ok<KbUploadResult>(
        await call('alice', 'knowledge-base/upload', { ...upload(text), activate: false }, PAY),
      );
      expect(answer.uploaded).toMatchObject({
        name: 'Threat composer',
        sourceFormat: 'threat-composer',
        counts: { threats: 20, mitigations: 18, questions: 0 },
      });
    },
  );

  it('hands a large export out in parts the browser joins into the command line’s file, and refuses a part of a changed model', async () => {
    const jira = { user: siteClient(site, '712020:alice'), app: siteClient(site) };
    for (const format of ['otm', 'threat-composer'] as const) {
      const whole = await exportThreatModel(jira, 'PAY', format);
      const texts: string[] = [];
      let part = await exportThreatModelPart(jira, 'PAY', format, undefined, 2000);
      texts.push(part.text);
      while (part.next) {
        part = await exportThreatModelPart(jira, 'PAY', format, part.next, 2000);
        texts.push(part.text);
      }
      // Parts of about 2 KB (one record may be more): the demo's file comes in several.
      expect(texts.length).toBeGreaterThan(3);
      expect(texts.join('')).toBe(whole.text);
      expect(part.progress.done).toBe(part.progress.total);
    }
    const first = await exportThreatModelPart(jira, 'PAY', 'otm', undefined, 2000);
    const stale = { piece: first.next!.piece, revision: first.next!.revision - 1 };
    await expect(exportThreatModelPart(jira, 'PAY', 'otm', stale, 2000)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a malformed file with file:line:col and writes nothing', async () => {
    const requests = await requestsOf(async () => {
      const answer = (await call(
        'alice',
        'interchange/import',
        { ...upload('{\n  "otmVersion": "0.2.0",\n  "project": {', 'cut.otm.json'), token: 'any' },
        PAY,
      )) as Envelope<unknown>;
      expect(answer.ok).toBe(false);
      if (!answer.ok)
        expect(answer.error).toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/^cut\.otm\.json:3:\d+: /),
        });
    });
    // Only the reads that tell whether alice may edit the model come before the file is read.
    expect(requests.filter((r) => !r.includes(' GET '))).toEqual([]);
  });
});
