import fs from 'fs';
import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { addSecondProject } from '../../../test/support/second-project';
import type { InterchangeExport, InterchangeImportResult, KbUploadResult, ThreatModelView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { OTM_SCHEMA, TC_EXAMPLE, TC_SCHEMA, schemaErrors } from '../../domain/interchange/interchange-test-support';
import { resolver } from '../../index';

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

  it('exports PAY as OTM and as Threat Composer, valid against their schemas, for anyone who can browse', async () => {
    const otm = ok<InterchangeExport>(await call('carol', 'interchange/export', { format: 'otm' }, PAY));
    expect(otm.fileName).toBe('PAY-threat-model.otm.json');
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
      expect(back.preview.threats).toEqual({ create: 0, update: 0, unchanged: exported.threats });
      expect(back.preview.mitigations).toEqual({ create: 0, update: 0, unchanged: exported.mitigations });
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
      const imported = ok<InterchangeImportResult>(await call('alice', 'interchange/import', upload(text), sec));
      expect(imported.preview.threats.create).toBe(20);
      const view = ok<ThreatModelView>(await call('alice', 'threat-model/get', {}, sec));
      expect(view.threats).toHaveLength(20);
      expect(view.mitigations).toHaveLength(18);
      const again = ok<InterchangeImportResult>(await call('alice', 'interchange/import', upload(text), sec));
      expect(again.preview.threats).toEqual({ create: 0, update: 0, unchanged: 20 });
      expect(again.preview.mitigations).toEqual({ create: 0, update: 0, unchanged: 18 });
      const after = ok<ThreatModelView>(await call('alice', 'threat-model/get', {}, sec));
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
        upload(file, 'x.otm.json'),
        key === 'PAY' ? PAY : sec,
      )) as Envelope<unknown>;
      expect(answer.ok ? 'ok' : answer.error.code).toBe(code);
    });
    expect(requests.filter((r) => r.includes(' PUT ') || r.includes(' DELETE '))).toEqual([]);
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

  it('refuses a malformed file with file:line:col and writes nothing', async () => {
    const requests = await requestsOf(async () => {
      const answer = (await call(
        'alice',
        'interchange/import',
        upload('{\n  "otmVersion": "0.2.0",\n  "project": {', 'cut.otm.json'),
        PAY,
      )) as Envelope<unknown>;
      expect(answer.ok).toBe(false);
      if (!answer.ok)
        expect(answer.error).toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/^cut\.otm\.json:3:\d+: /),
        });
    });
    expect(requests).toEqual([]);
  });
});
