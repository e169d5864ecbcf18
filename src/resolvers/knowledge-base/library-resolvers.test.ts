import fs from 'fs';
import { deflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import { sharedFile } from '../../domain/knowledge-base/importers/importer-test-support';
import type { KbSuggestionsView, KbUpload, KbUploadResult, SettingsView } from '../../contract';
import { resolver } from '../../index';
import { aTeamKnowledgeBase } from '../../../test/support/knowledge-base-mother';
import { LIBRARY_KEY } from '../../jira/knowledge-base/knowledge-base-repository';

const onProject = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };
const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const PAY_1 = '10000';
type Who = 'alice' | 'bob' | 'carol';

const { file: PYTM, describeIfShared } = sharedFile('pytm/threats.json', 'knowledge-base upload');
const REFUSED_NAME =
  "is a name Without for Jira refuses (__proto__, constructor and prototype could change how the app's objects behave)";

const ownKb = (version: string, title?: string) => aTeamKnowledgeBase({ version, ...(title ? { title } : {}) });

const asText = (fileName: string, text: string, extra: Partial<KbUpload> = {}): KbUpload => ({
  fileName,
  format: 'auto',
  content: { encoding: 'text', text },
  ...extra,
});
const deflated = (fileName: string, text: string): KbUpload => ({
  fileName,
  format: 'auto',
  content: { encoding: 'deflate-base64', data: deflateRawSync(Buffer.from(text)).toString('base64') },
});

describe('knowledge-base settings resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: Envelope<T>): T => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const settings = async (who: Who = 'alice') =>
    ok((await call(who, 'settings/get', {}, onProject)) as Envelope<SettingsView>);
  const upload = (who: Who, payload: KbUpload) =>
    call(who, 'knowledge-base/upload', payload, onProject) as Promise<Envelope<KbUploadResult>>;
  const saveKb = (who: Who, knowledgeBases: unknown) =>
    call(who, 'knowledge-base/save-settings', { knowledgeBases }, onProject) as Promise<Envelope<SettingsView>>;
  const suggest = async (mode?: 'top' | 'full') =>
    ok(
      (await call(
        'bob',
        'knowledge-base/suggest',
        mode ? { mode } : {},
        onIssue(PAY_1),
      )) as Envelope<KbSuggestionsView>,
    );
  const library = async () =>
    (await restAs(site, 'alice')('GET', `/rest/api/3/project/PAY/properties/${LIBRARY_KEY}`)).body?.value;

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterEach(() => site.close());

  it('lists the built-in knowledge base, active, with TOP as the default list; only admins may change it', async () => {
    const view = await settings();
    expect(view.settings.knowledgeBases).toEqual({ active: ['web-and-api'], mode: 'top' });
    expect(view.knowledgeBases).toEqual([
      expect.objectContaining({
        id: 'web-and-api',
        builtIn: true,
        active: true,
        sourceFormat: 'built-in',
        counts: { threats: 61, mitigations: 58, questions: 36 },
        threatCount: 2,
      }),
    ]);
    expect((await settings('bob')).canEdit).toBe(false);
  });

  it('uploads a knowledge base in its own format, activates it, and its threats are suggested on a story', async () => {
    const result = ok(await upload('alice', asText('payments.json', JSON.stringify(ownKb('1')))));
    expect(result.uploaded).toMatchObject({
      id: 'payments-team',
      version: '1',
      active: true,
      builtIn: false,
      sourceFormat: 'without',
      counts: { threats: 1, mitigations: 1, questions: 0 },
      uploadedBy: expect.any(String),
    });
    expect(result.replacedVersion).toBeUndefined();
    expect(result.view.settings.knowledgeBases.active).toEqual(['web-and-api', 'payments-team']);

    const mark = site.log.mark();
    const view = await suggest('top');
    // story, field, model (1), then the library and the upload's parts: 2 more than the built-in alone.
    expect(site.log.since(mark).length).toBeLessThanOrEqual(6);
    expect(view.knowledgeBases).toEqual(['Web applications and APIs', 'Payments team threats']);
    expect(view.suggestions.find((s) => s.templateId === 'PT-1')).toMatchObject({
      knowledgeBaseId: 'payments-team',
      title: 'Card numbers leak from the checkout',
      reasons: expect.arrayContaining([expect.stringMatching(/card/)]),
    });
    expect(view.problems).toEqual([]);
  });

  it('a new version with the same id replaces the old one: the answer names the version it replaced', async () => {
    ok(await upload('alice', asText('payments.json', JSON.stringify(ownKb('1')))));
    const result = ok(
      await upload(
        'alice',
        asText('payments.json', JSON.stringify(ownKb('2', 'Card numbers leak from checkout logs'))),
      ),
    );
    expect(result.replacedVersion).toBe('1');
    expect(result.view.knowledgeBases.filter((k) => k.id === 'payments-team')).toEqual([
      expect.objectContaining({ version: '2' }),
    ]);
    const view = await suggest('top');
    expect(view.suggestions.find((s) => s.templateId === 'PT-1')?.title).toBe('Card numbers leak from checkout logs');
  });

  it('takes a compressed upload, and refuses one that inflates beyond 8 MB', async () => {
    ok(await upload('alice', deflated('payments.json', JSON.stringify(ownKb('1')))));
    expect((await settings()).knowledgeBases.map((k) => k.id)).toContain('payments-team');
    const bomb = await upload('alice', deflated('huge.json', ' '.repeat(9 * 1024 * 1024)));
    expect(bomb).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/huge\.json is larger than 8 MB/) },
    });
  });

  it('refuses a broken file with where and why, and keeps nothing', async () => {
    const truncated = JSON.stringify(ownKb('1'), null, 2).slice(0, 200);
    const answer = await upload('alice', asText('payments.json', truncated));
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^payments\.json:\d+:\d+: /) },
    });
    const invalid = await upload(
      'alice',
      asText(
        'payments.json',
        JSON.stringify({ ...ownKb('1'), threats: [{ ...ownKb('1').threats[0], probability: 9 }] }),
      ),
    );
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/threats\[0\].*probability/) },
    });
    const builtInId = await upload(
      'alice',
      asText('payments.json', JSON.stringify({ ...ownKb('1'), id: 'web-and-api' })),
    );
    expect(builtInId).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/built-in/) },
    });
    expect(await library()).toBeUndefined();
    expect((await settings()).knowledgeBases).toHaveLength(1);
  });

  it('refuses hostile files with file:line:column and why, as text or compressed, and keeps nothing', async () => {
    const doctype =
      '<?xml version="1.0"?>\n<!DOCTYPE KnowledgeBase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<KnowledgeBase><ThreatTypes /></KnowledgeBase>';
    const proto = '[{"SID": "X1", "__proto__": {"polluted": true}, "description": "Injection", "severity": "High"}]';
    const constructorTarget =
      '[{"SID": "X1", "target": "constructor", "description": "Injection", "severity": "High"}]';
    const deepRules = JSON.stringify(ownKb('1')).replace(
      '{"words":["card"]}',
      `${'{"all":['.repeat(2_000)}{"words":["card"]}${']}'.repeat(2_000)}`,
    );
    const refusals: Array<[string, string, unknown]> = [
      [
        'threats.tb7',
        doctype,
        'threats.tb7:2:1: the file declares a DOCTYPE; Without for Jira does not read DTDs or entities',
      ],
      ['threats.json', proto, `threats.json:1:16: the key "__proto__" ${REFUSED_NAME}`],
      [
        'threats.json',
        constructorTarget,
        `threats.json:1:26: entry 1 (SID "X1"): the target "constructor" ${REFUSED_NAME}`,
      ],
      [
        'rules.json',
        deepRules,
        expect.stringMatching(/^rules\.json:1:\d+: rules \(appliesWhen\) are nested more than 32 levels deep/),
      ],
    ];
    for (const [fileName, text, message] of refusals) {
      expect(await upload('alice', asText(fileName, text))).toEqual({
        ok: false,
        error: { code: 'BAD_REQUEST', message },
      });
      expect(await upload('alice', deflated(fileName, text))).toEqual({
        ok: false,
        error: { code: 'BAD_REQUEST', message },
      });
    }
    expect(await library()).toBeUndefined();
  });

  it('refuses a compressed upload that is not base64 or not deflated, in a sentence', async () => {
    const notBase64: KbUpload = {
      fileName: 'kb.json',
      format: 'auto',
      content: { encoding: 'deflate-base64', data: '%%% not base64 %%%' },
    };
    expect(await upload('alice', notBase64)).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'kb.json did not arrive intact (the compressed upload is not base64). Try again.',
      },
    });
    const notDeflated: KbUpload = {
      fileName: 'kb.json',
      format: 'auto',
      content: { encoding: 'deflate-base64', data: Buffer.from('plain text').toString('base64') },
    };
    expect(await upload('alice', notDeflated)).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'kb.json did not arrive intact (the compressed upload cannot be read). Try again.',
      },
    });
  });

  it('refuses bob and carol, who are not project admins, and changes nothing', async () => {
    for (const who of ['bob', 'carol'] as const) {
      expect(await upload(who, asText('payments.json', JSON.stringify(ownKb('1'))))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await saveKb(who, { active: [], mode: 'full' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await call(who, 'knowledge-base/remove', { id: 'payments-team' }, onProject)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect((await settings()).settings.knowledgeBases).toEqual({ active: ['web-and-api'], mode: 'top' });
    expect(await library()).toBeUndefined();
  });

  it('saves the active list and the default list; suggestions follow it; unknown ids are refused', async () => {
    ok(await upload('alice', asText('payments.json', JSON.stringify(ownKb('1')))));
    const saved = ok(await saveKb('alice', { active: ['payments-team'], mode: 'full' }));
    expect(saved.knowledgeBases.map((k) => [k.id, k.active])).toEqual([
      ['payments-team', true],
      ['web-and-api', false],
    ]);
    const view = await suggest();
    expect(view.mode).toBe('full');
    expect(view.knowledgeBases).toEqual(['Payments team threats']);
    expect(view.suggestions.every((s) => s.knowledgeBaseId === 'payments-team')).toBe(true);

    expect(await saveKb('alice', { active: ['nope'], mode: 'top' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/nope is not a knowledge base of PAY/) },
    });
    expect(await saveKb('alice', { active: ['web-and-api', 'web-and-api'], mode: 'top' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });

    // The other settings form sends the whole settings; it never changes the knowledge-base choice.
    const other = await settings();
    ok(
      (await call(
        'alice',
        'settings/save',
        {
          settings: {
            ...other.settings,
            knowledgeBases: { active: ['web-and-api'], mode: 'top' },
            taskIssueTypeName: 'Bug',
          },
        },
        onProject,
      )) as Envelope<SettingsView>,
    );
    expect((await settings()).settings).toMatchObject({
      taskIssueTypeName: 'Bug',
      knowledgeBases: { active: ['payments-team'], mode: 'full' },
    });
  });

  it('removes an upload (it is turned off and no longer listed) and undoes the removal', async () => {
    ok(await upload('alice', asText('payments.json', JSON.stringify(ownKb('1')))));
    const removed = ok(
      (await call('alice', 'knowledge-base/remove', { id: 'payments-team' }, onProject)) as Envelope<SettingsView>,
    );
    expect(removed.knowledgeBases.map((k) => k.id)).toEqual(['web-and-api']);
    expect(removed.settings.knowledgeBases.active).toEqual(['web-and-api']);
    expect((await suggest('full')).suggestions.some((s) => s.knowledgeBaseId === 'payments-team')).toBe(false);
    expect(await call('alice', 'knowledge-base/remove', { id: 'web-and-api' }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });

    const restored = ok(
      (await call(
        'alice',
        'knowledge-base/restore',
        { id: 'payments-team', activate: true },
        onProject,
      )) as Envelope<SettingsView>,
    );
    expect(restored.knowledgeBases.find((k) => k.id === 'payments-team')).toMatchObject({ active: true, version: '1' });
    expect((await suggest('top')).suggestions.some((s) => s.templateId === 'PT-1')).toBe(true);
  });

  it('an upload broken through the REST API is reported; suggestions still come from the built-in one', async () => {
    ok(await upload('alice', asText('payments.json', JSON.stringify(ownKb('1')))));
    const alice = restAs(site, 'alice');
    expect(
      (
        await alice('PUT', '/rest/api/3/project/PAY/properties/without.kb.payments-team.0.0', {
          v: 1,
          data: 'not deflated',
        })
      ).status,
    ).toBeLessThan(300);
    const view = await suggest('top');
    expect(view.problems).toEqual([expect.stringMatching(/"Payments team threats" cannot be read/)]);
    expect(view.knowledgeBases).toEqual(['Web applications and APIs']);
    expect(view.suggestions.some((s) => s.templateId === 'WEB-I-01')).toBe(true);

    expect(
      (await alice('PUT', `/rest/api/3/project/PAY/properties/${LIBRARY_KEY}`, { v: 1, entries: 'oops' })).status,
    ).toBeLessThan(300);
    const page = await settings();
    expect(page.problems).toEqual([expect.stringMatching(/uploaded knowledge bases .* not valid/)]);
    expect(page.knowledgeBases.map((k) => k.id)).toEqual(['web-and-api']);
  });

  describeIfShared('with the pytm library from ../shared', () => {
    it('uploads pytm threats.json as an import: 114 threats, listed with its source format', async () => {
      const result = ok(await upload('alice', deflated('threats.json', fs.readFileSync(PYTM, 'utf8'))));
      expect(result.uploaded).toMatchObject({
        sourceFormat: 'pytm',
        file: 'threats.json',
        counts: { threats: 114, mitigations: 114, questions: 0 },
        active: true,
      });
    });
  });
});
