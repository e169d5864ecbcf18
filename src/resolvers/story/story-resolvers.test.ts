import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { StoryView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { resolver } from '../../index';

const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const ISSUE = { 'PAY-1': '10000', 'PAY-2': '10001', 'PAY-5': '10004', 'PAY-20': '10019' } as const;

describe('story resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const view = async (who: 'alice' | 'bob' | 'carol', key: keyof typeof ISSUE) =>
    (await call(who, 'story/get', {}, onIssue(ISSUE[key]))) as Envelope<StoryView>;
  const data = async (who: 'alice' | 'bob' | 'carol', key: keyof typeof ISSUE) => {
    const answer = await view(who, key);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const save = (who: 'alice' | 'bob' | 'carol', key: keyof typeof ISSUE, payload: unknown) =>
    call(who, 'story/save-clauses', payload, onIssue(ISSUE[key])) as Promise<Envelope<StoryView>>;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('shows a story’s clauses with their threats, as the invoking user, in a fixed number of requests (no task to read)', async () => {
    await view('bob', 'PAY-1');
    const mark = site.log.mark();
    const story = await data('bob', 'PAY-1');
    expect(story).toMatchObject({
      issueKey: 'PAY-1',
      projectKey: 'PAY',
      clauses: [{ id: 'c1-1', text: 'having my card data stolen', threatIds: ['T-1'] }],
      directThreatIds: [],
      revision: 1,
      canEdit: true,
      canEditThreatModel: true,
      problems: [],
    });
    expect(story.threats['T-1']).toMatchObject({
      title: 'Card details skimmed by a malicious script on the checkout page',
      severity: { score: 20, band: 'Critical' },
    });
    const requests = site.log.since(mark).map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}`);
    expect(requests.sort()).toEqual(
      [
        'user GET /rest/api/3/issue/10000',
        'user GET /rest/api/3/project/PAY',
        'user GET /rest/api/3/mypermissions',
        'app GET /rest/api/3/project/PAY/role/10004',
      ].sort(),
    );
  });

  it('reads the tasks of the mitigations it shows by id, not by searching every task of the project', async () => {
    const login = site.store.all('issue').find((i) => i.summary.includes('log in with my email and password'))!;
    const onLogin = onIssue(String(login.id));
    const story = async () => {
      const answer = (await call('bob', 'story/get', {}, onLogin)) as Envelope<StoryView>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    await story();
    const mark = site.log.mark();
    const shown = await story();
    const requests = site.log.since(mark);

    expect(shown.mitigations.map((m) => [m.id, m.task?.statusName])).toEqual([['M-2', 'Done']]);
    expect(requests.filter((r) => r.path === '/rest/api/3/search/jql')).toEqual([]);
    const bulk = requests.filter((r) => r.path === '/rest/api/3/issue/bulkfetch');
    expect(bulk).toHaveLength(1);
  });

  it('shows carol a read-only story', async () => {
    expect(await data('carol', 'PAY-1')).toMatchObject({ canEdit: false, canEditThreatModel: false });
  });

  it('saves a new clause linked to a threat, and JQL then finds the story through the field’s alias', async () => {
    const before = await data('bob', 'PAY-5');
    expect(before.clauses).toEqual([]);
    const saved = await save('bob', 'PAY-5', {
      baseRevision: before.revision,
      clauses: [{ id: 'c-new', text: 'someone taking over my account with a reset link', threatIds: ['T-5'] }],
      directThreatIds: [],
    });
    expect(saved).toMatchObject({
      ok: true,
      data: { revision: before.revision + 1, clauses: [{ id: 'c-new', threatIds: ['T-5'] }] },
    });
    const search = await restAs(site, 'carol')('POST', '/rest/api/3/search/jql', {
      jql: 'project = PAY AND "WITHOUT clauses".threat = "T-5"',
      fields: ['summary'],
    });
    expect((search.body?.issues as Array<{ key: string }>).map((i) => i.key).sort()).toEqual(['PAY-3', 'PAY-5']);
    const hasClauses = await restAs(site, 'carol')('POST', '/rest/api/3/search/jql', {
      jql: 'project = PAY AND "WITHOUT clauses".hasClauses = "yes"',
      maxResults: 100,
    });
    expect((hasClauses.body?.issues as unknown[]).length).toBe(10);
  });

  it('refuses a save that started from an older revision', async () => {
    const current = await data('alice', 'PAY-5');
    const stale = await save('alice', 'PAY-5', {
      baseRevision: current.revision - 1,
      clauses: [],
      directThreatIds: [],
    });
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: "Someone else changed this story's WITHOUT clauses. Reload to see their changes.",
      },
    });
    expect((await data('alice', 'PAY-5')).clauses).toHaveLength(1);
  });

  it('lets only one of two saves from the same revision through', async () => {
    const current = await data('bob', 'PAY-1');
    const edit = (text: string) =>
      save('bob', 'PAY-1', {
        baseRevision: current.revision,
        clauses: [{ ...current.clauses[0]!, text }],
        directThreatIds: [],
      });
    const answers = await Promise.all([
      edit('my card data being read by a script'),
      edit('my card number leaking anywhere'),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT']);
  });

  it('refuses carol’s edit with a clear message, even when called directly', async () => {
    const current = await data('carol', 'PAY-2');
    const answer = await save('carol', 'PAY-2', { baseRevision: current.revision, clauses: [], directThreatIds: [] });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: "You can't change this story's WITHOUT clauses: you don't have permission to edit it.",
      },
    });
    expect((await data('alice', 'PAY-2')).clauses).toHaveLength(1);
  });

  it('refuses 10,000 characters of text with a message, and saves nothing', async () => {
    const answer = await save('bob', 'PAY-2', {
      baseRevision: 1,
      clauses: [{ id: 'c1', text: 'x'.repeat(10_000), threatIds: [] }],
      directThreatIds: [],
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'A WITHOUT clause can have at most 500 characters' },
    });
  });

  it('refuses a link to a threat that does not exist or is retired, but keeps an old link to a retired one', async () => {
    const unknown = await save('bob', 'PAY-2', {
      baseRevision: 1,
      clauses: [{ id: 'c1', text: 'abc def', threatIds: ['T-99'] }],
      directThreatIds: [],
    });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: "T-99 is not in PAY's threat model." },
    });
    const retired = await save('bob', 'PAY-2', {
      baseRevision: 1,
      clauses: [{ id: 'c1', text: 'abc def', threatIds: ['T-12'] }],
      directThreatIds: [],
    });
    expect(retired).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('T-12 is retired') },
    });
    const story = await data('bob', 'PAY-20');
    expect(story.threats['T-12']).toMatchObject({ state: 'retired' });
    const kept = await save('bob', 'PAY-20', {
      baseRevision: story.revision,
      clauses: [{ ...story.clauses[0]!, text: 'agents seeing full card numbers' }],
      directThreatIds: [],
    });
    expect(kept.ok).toBe(true);
  });

  it('reports a field value someone broke through the REST API, keeps it on a plain save, and replaces it only when asked', async () => {
    const alice = restAs(site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    await alice('PUT', '/rest/api/3/issue/PAY-2', {
      fields: { [fieldId]: { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }], revision: 4 } },
    });
    const story = await data('alice', 'PAY-2');
    expect(story.clauses).toEqual([]);
    expect(story.problems).toEqual([expect.stringContaining('A threat id looks like T-12')]);
    const edit = {
      baseRevision: story.revision,
      clauses: [{ id: 'c1', text: 'anyone else paying with my card', threatIds: ['T-4'] }],
      directThreatIds: [],
    };
    const refused = await save('alice', 'PAY-2', edit);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_DATA',
        message: expect.stringContaining('cannot be read, so the app will not write over them'),
      },
    });
    const raw = (await alice('GET', `/rest/api/3/issue/PAY-2?fields=${fieldId}`)).body as {
      fields: Record<string, unknown>;
    };
    expect(raw.fields[fieldId]).toMatchObject({ clauses: [{ threatIds: ['not-a-threat'] }], revision: 4 });
    const fixed = await save('alice', 'PAY-2', { ...edit, replaceUnreadable: true });
    expect(fixed).toMatchObject({ ok: true, data: { revision: 5, problems: [] } });
  });

  it('shows the task view only on an issue the model records as a task, not on one whose property was written by hand', async () => {
    expect((await data('bob', 'PAY-20')).task).toBeNull();
    const realTask = (await restAs(site, 'bob')('GET', '/rest/api/3/issue/PAY-22/properties/without.task')).body?.value;
    await restAs(site, 'bob')('PUT', '/rest/api/3/issue/PAY-20/properties/without.task', realTask);
    expect((await data('bob', 'PAY-20')).task).toBeNull();
    await restAs(site, 'bob')('DELETE', '/rest/api/3/issue/PAY-20/properties/without.task');
  });

  it('names a linked threat the model does not have', async () => {
    const alice = restAs(site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    await alice('PUT', '/rest/api/3/issue/PAY-5', {
      fields: { [fieldId]: { clauses: [{ id: 'x', text: 'abc def', threatIds: ['T-404'] }] } },
    });
    expect((await data('alice', 'PAY-5')).problems).toEqual([
      "This story links T-404, which is not in PAY's threat model.",
    ]);
  });

  it('answers NOT_FOUND for an issue that does not exist, and BAD_REQUEST outside an issue', async () => {
    expect(await call('alice', 'story/get', {}, onIssue('99999'))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The issue or project does not exist, or you cannot see it.' },
    });
    expect(await call('alice', 'story/get', {}, { type: 'jira:projectPage' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'This panel only works on an issue.' },
    });
  });

  it('answers JIRA_UNAVAILABLE when Jira keeps failing', async () => {
    site.faults.configure({ rate500: 1, seed: 1 });
    try {
      expect(await call('alice', 'story/get', {}, onIssue('10000'))).toEqual({
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer properly. Try again in a moment.' },
      });
    } finally {
      site.faults.configure({ rate500: 0 });
    }
  }, 30_000);
});
