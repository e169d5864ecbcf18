import { cardInTransit } from '../../../test/support/threat-edits';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { SettingsView } from '../../contract';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('threat model and settings resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const model = async (who: 'alice' | 'bob' | 'carol') => {
    const answer = await readWholeModel(call, who, onProject);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('lists the threats with severity and JQL that finds their stories, without reading every story', async () => {
    await model('carol');
    const mark = site.log.mark();
    await call('carol', 'threat-model/get', {}, onProject);
    // No search at all: the tasks the model records are read by id, and no story is read.
    const requests = site.log.since(mark).map((r) => `${r.method} ${r.path}`);
    expect(requests.filter((r) => r.endsWith('/search/jql'))).toEqual([]);
    expect(requests.filter((r) => r.endsWith('/issue/bulkfetch'))).toEqual(['POST /rest/api/3/issue/bulkfetch']);
    const view = await model('carol');
    expect(view).toMatchObject({ projectKey: 'PAY', canEdit: false, problems: [] });
    expect(view.threats).toHaveLength(12);
    const t1 = view.threats.find((t) => t.id === 'T-1')!;
    expect(t1).toMatchObject({
      severity: { score: 20, band: 'Critical' },
      storyCount: null,
      storiesJql: 'project = "PAY" AND "WITHOUT clauses".threat = "T-1"',
    });
    const found = await restAs(site, 'carol')('POST', '/rest/api/3/search/jql', { jql: t1.storiesJql });
    expect((found.body?.issues as unknown[]).length).toBe(2);
  });

  it('counts the stories of a page of threats in one search of their stories, or of every threat when asked', async () => {
    const counts = async (payload: unknown) => {
      const answer = (await call('carol', 'threat-model/story-counts', payload, onProject)) as Envelope<{
        counts: Record<string, number>;
      }>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data.counts;
    };
    const mark = site.log.mark();
    expect(await counts({ threatIds: ['T-1', 'T-7'] })).toEqual({ 'T-1': 2, 'T-7': 0 });
    expect(site.log.since(mark).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /rest/api/3/search/jql']);
    const all = await counts({ all: true });
    expect(all['T-1']).toBe(2);
    expect(all['T-7']).toBeUndefined(); // no story links it
    expect(await call('carol', 'threat-model/story-counts', { threatIds: [] }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const tooMany = Array.from({ length: 51 }, (_, i) => `T-${i + 1}`);
    expect(await call('carol', 'threat-model/story-counts', { threatIds: tooMany }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });

  it('lets bob, a security champion, create a threat, and refuses carol with a message', async () => {
    expect((await model('bob')).canEdit).toBe(true);
    const created = (await call(
      'bob',
      'threat-model/create-threat',
      { draft: cardInTransit },
      onProject,
    )) as Envelope<ThreatView>;
    expect(created).toMatchObject({
      ok: true,
      data: { id: 'T-13', severity: { score: 20, band: 'Critical' }, created: { accountId: '712020:bob' } },
    });
    const refused = await call('carol', 'threat-model/create-threat', { draft: cardInTransit }, onProject);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          "You can't edit PAY's threat model. Project administrators and the roles or groups named in the app's project settings can.",
      },
    });
    expect((await model('carol')).threats).toHaveLength(13);
  });

  it('validates a threat with messages a person can act on', async () => {
    const answer = await call(
      'bob',
      'threat-model/create-threat',
      { draft: { ...cardInTransit, impact: 7 } },
      onProject,
    );
    expect(answer).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Impact must be between 1 and 5' } });
  });

  it('updates from the current revision, refuses a stale update, retires', async () => {
    const updated = (await call(
      'alice',
      'threat-model/update-threat',
      { id: 'T-13', baseRevision: 1, draft: { ...cardInTransit, probability: 3 } },
      onProject,
    )) as Envelope<ThreatView>;
    expect(updated).toMatchObject({ ok: true, data: { revision: 2, severity: { score: 15 } } });
    const stale = (await call(
      'bob',
      'threat-model/update-threat',
      { id: 'T-13', baseRevision: 1, draft: cardInTransit },
      onProject,
    )) as Envelope<ThreatView>;
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Someone else changed T-13') },
    });
    const retired = (await call(
      'bob',
      'threat-model/set-threat-state',
      { id: 'T-13', baseRevision: 2, state: 'retired' },
      onProject,
    )) as Envelope<ThreatView>;
    expect(retired).toMatchObject({ ok: true, data: { state: 'retired', revision: 3 } });
  });

  it('refuses a title that shows nothing or hides a bidi override, and stores one of 200 emoji', async () => {
    const create = (title: string) =>
      call('alice', 'threat-model/create-threat', { draft: { ...cardInTransit, title } }, onProject);
    expect(await create('\u200B')).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'A threat title cannot be made only of invisible characters' },
    });
    expect(await create('Card data\u202Etxt.exe')).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'A threat title cannot contain invisible or control characters (U+202E at character 10)',
      },
    });
    const emoji = '\u{1F44D}\u{1F3FD}'.repeat(200); // 👍🏽: one character, two code points
    const created = (await create(emoji)) as Envelope<ThreatView>;
    expect(created).toMatchObject({ ok: true, data: { title: emoji } });
    if (!created.ok) return;
    expect((await model('alice')).threats.find((t) => t.id === created.data.id)?.title).toBe(emoji);
  });

  it('lets only project administrators change who may edit; then bob no longer can', async () => {
    const settings = (await call('alice', 'settings/get', {}, onProject)) as Envelope<SettingsView>;
    expect(settings).toMatchObject({
      ok: true,
      data: { canEdit: true, settings: { editorRoleIds: ['10004'], editorGroupIds: [] } },
    });
    if (!settings.ok) return;
    expect(settings.data.roles.map((r) => r.name)).toEqual([
      'Administrators',
      'Developers',
      'Security champions',
      'Viewers',
    ]);
    expect(settings.data.groups.map((g) => g.name)).toEqual(['auditors', 'payments-team', 'security-guild']);
    const byBob = await call(
      'bob',
      'settings/save',
      { settings: { editorRoleIds: [], editorGroupIds: [] } },
      onProject,
    );
    expect(byBob).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "Only administrators of PAY can change the app's settings." },
    });
    const auditors = settings.data.groups.find((g) => g.name === 'auditors')!.id;
    const saved = (await call(
      'alice',
      'settings/save',
      { settings: { editorRoleIds: [], editorGroupIds: [auditors] } },
      onProject,
    )) as Envelope<SettingsView>;
    expect(saved).toMatchObject({ ok: true, data: { settings: { editorRoleIds: [], editorGroupIds: [auditors] } } });
    expect((await model('bob')).canEdit).toBe(false);
    expect((await model('carol')).canEdit).toBe(true);
  });

  it('answers BAD_REQUEST outside a project', async () => {
    expect(await call('alice', 'threat-model/get', {}, { type: 'jira:issuePanel' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'This page only works inside a Jira project.' },
    });
  });
});
