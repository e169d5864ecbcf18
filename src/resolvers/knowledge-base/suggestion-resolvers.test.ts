import type { LocalSite } from '../../../local/site/server';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { KbSuggestionsView, StoryView } from '../../contract';
import { resolver } from '../../index';

const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const PAY_1 = '10000';
const PAY_5 = '10004';
type Who = 'alice' | 'bob' | 'carol';

describe('knowledge-base resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: Envelope<T>): T => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const suggest = async (who: Who, issueId: string, mode: 'top' | 'full') =>
    ok((await call(who, 'knowledge-base/suggest', { mode }, onIssue(issueId))) as Envelope<KbSuggestionsView>);
  const story = async (who: Who, issueId: string) =>
    ok((await call(who, 'story/get', {}, onIssue(issueId))) as Envelope<StoryView>);
  const accept = (who: Who, issueId: string, payload: unknown) =>
    call(who, 'knowledge-base/accept', payload, onIssue(issueId)) as Promise<Envelope<StoryView>>;
  const model = async () => ok(await readWholeModel(call, 'alice', onProject));

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('suggests for a story the sprint view names by key, only in the page’s project', async () => {
    const named = ok(
      (await call('carol', 'knowledge-base/suggest', { issueKey: 'PAY-5' }, onProject)) as Envelope<KbSuggestionsView>,
    );
    expect(named.suggestions).toHaveLength(5);
    const elsewhere = (await call(
      'carol',
      'knowledge-base/suggest',
      { issueKey: 'PAY-5' },
      { type: 'jira:projectPage', project: { id: '10001', key: 'OPS' } },
    )) as Envelope<KbSuggestionsView>;
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = (await call(
      'carol',
      'knowledge-base/suggest',
      { issueKey: 'PAY-5 OR 1' },
      onProject,
    )) as Envelope<unknown>;
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('suggests the card-data disclosure threat for "pay with my credit card" in TOP mode, with why and its mitigations, in 4 requests', async () => {
    await suggest('carol', PAY_1, 'top');
    const mark = site.log.mark();
    const view = await suggest('carol', PAY_1, 'top');
    const requests = site.log.since(mark).map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}`);
    expect(requests.length).toBeLessThanOrEqual(4);
    expect(view.mode).toBe('top');
    const card = view.suggestions.find((s) => s.templateId === 'WEB-I-01');
    expect(card).toMatchObject({
      knowledgeBaseId: expect.any(String),
      title: 'Card data disclosed in transit or at rest',
      stride: ['I'],
      severity: { score: 15, band: 'High' },
    });
    expect(card?.reasons.some((r) => /card/.test(r))).toBe(true);
    expect(card?.existingThreatId).toBeUndefined();
    expect(card?.mitigations.length).toBeGreaterThanOrEqual(2);
    expect(card?.mitigations[0]).toMatchObject({ templateId: 'WEB-M-31', strength: 75, top: true });
    const full = await suggest('carol', PAY_1, 'full');
    expect(full.suggestions.length).toBeGreaterThan(view.suggestions.length);
  });

  it('names each suggestion’s knowledge base, ranks the best match first and names the clause it matched', async () => {
    const [view, current] = await Promise.all([suggest('bob', PAY_1, 'full'), story('bob', PAY_1)]);
    expect(new Set(view.suggestions.map((s) => s.knowledgeBaseName))).toEqual(new Set(['Web applications and APIs']));
    // "having my card data stolen" is the story's one clause; card-data disclosure matched its words.
    const card = view.suggestions.find((s) => s.templateId === 'WEB-I-01')!;
    expect(card.matchedClauseIds).toEqual([current.clauses[0]!.id]);
    expect(view.suggestions[0]?.templateId).toBe('WEB-I-01');
    expect(view.suggestions.every((s) => !s.generic)).toBe(true);
  });

  it('matches the description (an Atlassian document) and labels too; a story without card words gets nothing about cards', async () => {
    const card = (await suggest('bob', PAY_1, 'top')).suggestions.find((s) => s.templateId === 'WEB-I-01')!;
    expect(card.reasons).toEqual(expect.arrayContaining(['description mentions "checkout"', 'label "checkout"']));
    const view = await suggest('bob', PAY_5, 'full');
    expect(view.suggestions.find((s) => s.templateId === 'WEB-I-01')).toBeUndefined();
  });

  it('refuses carol, who may not edit the threat model, and changes nothing', async () => {
    const before = await model();
    const current = await story('carol', PAY_1);
    const answer = await accept('carol', PAY_1, {
      knowledgeBaseId: 'web-and-api',
      templateId: 'WEB-I-01',
      baseRevision: current.revision,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await model()).threats).toHaveLength(before.threats.length);
  });

  it('as bob: adds the threat with its source and its mitigations as proposed, links it to the chosen clause; twice adds nothing more', async () => {
    const { suggestions } = await suggest('bob', PAY_1, 'top');
    const card = suggestions.find((s) => s.templateId === 'WEB-I-01')!;
    const before = await story('bob', PAY_1);
    const clauseId = before.clauses[0]!.id;
    const modelBefore = await model();

    const view = ok(
      await accept('bob', PAY_1, {
        knowledgeBaseId: card.knowledgeBaseId,
        templateId: 'WEB-I-01',
        clauseId,
        baseRevision: before.revision,
      }),
    );
    const threat = Object.values(view.threats).find((t) => t.title === card.title)!;
    expect(threat).toMatchObject({
      source: {
        kind: 'knowledge-base',
        knowledgeBaseId: card.knowledgeBaseId,
        templateId: 'WEB-I-01',
        version: expect.any(String),
      },
      stride: ['I'],
      probability: 3,
      impact: 5,
    });
    expect(view.revision).toBe(before.revision + 1);
    expect(view.clauses[0]!.threatIds).toEqual([...before.clauses[0]!.threatIds, threat.id]);
    const added = view.mitigations.filter((m) => m.addresses.some((a) => a.threatId === threat.id));
    expect(added.map((m) => m.title).sort()).toEqual(card.mitigations.map((m) => m.title).sort());
    expect(added.every((m) => m.status === 'proposed' && m.source?.templateId !== undefined)).toBe(true);

    const again = ok(
      await accept('bob', PAY_1, {
        knowledgeBaseId: card.knowledgeBaseId,
        templateId: 'WEB-I-01',
        clauseId,
        baseRevision: view.revision,
      }),
    );
    expect(again.revision).toBe(view.revision);
    const after = await model();
    expect(after.threats).toHaveLength(modelBefore.threats.length + 1);
    expect(after.mitigations).toHaveLength(modelBefore.mitigations.length + card.mitigations.length);

    const next = await suggest('bob', PAY_1, 'top');
    expect(next.suggestions.find((s) => s.templateId === 'WEB-I-01')?.existingThreatId).toBe(threat.id);
  });

  it('without a clause, links the existing threat to a new clause named after it; a stale revision is a conflict', async () => {
    const current = await story('bob', PAY_5);
    const stale = await accept('bob', PAY_5, {
      knowledgeBaseId: 'web-and-api',
      templateId: 'WEB-I-01',
      baseRevision: current.revision + 3,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const threats = (await model()).threats.length;
    const view = ok(
      await accept('bob', PAY_5, {
        knowledgeBaseId: 'web-and-api',
        templateId: 'WEB-I-01',
        baseRevision: current.revision,
      }),
    );
    const added = view.clauses[view.clauses.length - 1]!;
    expect(added.text).toBe('card data disclosed in transit or at rest');
    expect(view.threats[added.threatIds[0]!]?.source).toMatchObject({ templateId: 'WEB-I-01' });
    expect((await model()).threats).toHaveLength(threats);
  });

  it('refuses to link a suggestion over clauses it cannot read, and adds nothing to the model', async () => {
    const alice = restAs(site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    const broken = { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }], revision: 7 };
    await alice('PUT', '/rest/api/3/issue/PAY-5', { fields: { [fieldId]: broken } });
    const threatsBefore = (await model()).threats.length;
    const refused = await accept('bob', PAY_5, {
      knowledgeBaseId: 'web-and-api',
      templateId: 'WEB-S-02',
      baseRevision: 7,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATA', message: expect.stringContaining('cannot be read') },
    });
    expect((await model()).threats.length).toBe(threatsBefore);
    const raw = (await alice('GET', `/rest/api/3/issue/PAY-5?fields=${fieldId}`)).body as {
      fields: Record<string, unknown>;
    };
    expect(raw.fields[fieldId]).toMatchObject(broken);
  });
});

describe('a stored knowledge base that still holds TMT placeholders (uploaded before the import resolved them)', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  // What an older `without kb import` wrote for TMT's S2: the template's texts as they are.
  const oldImport = {
    format: 'without-kb/1',
    id: 'sdl-old-import',
    name: 'SDL TM (old import)',
    version: '4.1.0.11',
    source: { format: 'tmt', file: 'default.tb7' },
    threats: [
      {
        id: 'S2',
        title: 'Spoofing the {target.Name} Process',
        description:
          '{target.Name} may be spoofed by an attacker and this may lead to information disclosure by {source.Name}.',
        stride: ['S'],
        probability: 3,
        impact: 3,
        appliesWhen: { words: ['card'] },
        references: [
          { kind: 'condition', value: "include: (source is 'GE.P' or source is 'GE.EI') and target is 'GE.P'" },
        ],
      },
    ],
    mitigations: [{ id: 'M-S2', title: 'Authenticate {target.Name}', addresses: [{ threatId: 'S2', strength: 50 }] }],
  };

  it('is read with them resolved: in the suggestions, and in the threat accepting one makes', async () => {
    const upload = (await call(
      'alice',
      'knowledge-base/upload',
      { fileName: 'old.json', format: 'auto', content: { encoding: 'text', text: JSON.stringify(oldImport) } },
      { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } },
    )) as Envelope<unknown>;
    expect(upload.ok).toBe(true);
    const answer = (await call(
      'bob',
      'knowledge-base/suggest',
      { mode: 'full' },
      onIssue(PAY_1),
    )) as Envelope<KbSuggestionsView>;
    if (!answer.ok) throw new Error(answer.error.message);
    const s2 = answer.data.suggestions.find((s) => s.templateId === 'S2');
    expect(s2).toMatchObject({
      knowledgeBaseName: 'SDL TM (old import)',
      title: 'Spoofing the Target Process',
      description:
        'The target process may be spoofed by an attacker and this may lead to information disclosure by the source.',
      mitigations: [expect.objectContaining({ title: 'Authenticate the Target Process' })],
    });
    const texts = answer.data.suggestions.flatMap((s) => [
      s.title,
      s.description,
      ...s.mitigations.map((m) => m.title),
    ]);
    expect(texts.filter((t) => /[{}]/.test(t))).toEqual([]);

    const current = (await call('bob', 'story/get', {}, onIssue(PAY_1))) as Envelope<StoryView>;
    if (!current.ok) throw new Error(current.error.message);
    const accepted = (await call(
      'bob',
      'knowledge-base/accept',
      { knowledgeBaseId: 'sdl-old-import', templateId: 'S2', baseRevision: current.data.revision },
      onIssue(PAY_1),
    )) as Envelope<StoryView>;
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(Object.values(accepted.data.threats).map((t) => t.title)).toContain('Spoofing the Target Process');
    expect(Object.values(accepted.data.threats).some((t) => t.title.includes('{'))).toBe(false);
  });
});
