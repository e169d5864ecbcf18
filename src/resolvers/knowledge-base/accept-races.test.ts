import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { modelLocksLeft } from '../../../test/support/model-locks-left';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import type { StoryView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { resolver } from '../../index';

// Accepting a suggestion holds the story's lease and, inside it, the model's: the model is
// changed only once the story, read under its lock, takes the link. So of two people who accept
// on the same story from the same revision, one links and the other is told to reload, and the
// model holds only what the story links; a save of the clauses at the same moment is never lost.

const PAY_3 = '10002';
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_3 }, project: { id: '10000', key: 'PAY' } };
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('accepting suggestions on one story at the same moment', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const story = async () => {
    const answer = (await call('bob', 'story/get', {}, onIssue)) as Envelope<StoryView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const accept = (templateId: string, baseRevision: number) =>
    call(
      'bob',
      'knowledge-base/accept',
      { knowledgeBaseId: 'web-and-api', templateId, baseRevision },
      onIssue,
    ) as Promise<Envelope<StoryView>>;
  const fromTemplate = async (templateId: string) => {
    const model = await readWholeModel(call, 'alice', onProject);
    if (!model.ok) throw new Error(model.error.message);
    return model.data.threats.filter(
      (t) => t.source.kind === 'knowledge-base' && (t.source as { templateId?: string }).templateId === templateId,
    );
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('two accepts from the same revision: one links its threat, the other writes nothing and asks to reload', async () => {
    const before = await story();
    site.faults.configure({ latencyMs: 30 });
    const answers = await Promise.all([accept('WEB-I-01', before.revision), accept('WEB-E-01', before.revision)]);
    site.faults.configure({ latencyMs: 0 });
    const won = answers.filter((a) => a.ok);
    const lost = answers.filter((a) => !a.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([{ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) }]);

    const after = await story();
    expect(after.revision).toBe(before.revision + 1);
    const [card, session] = [await fromTemplate('WEB-I-01'), await fromTemplate('WEB-E-01')];
    const linked = Object.keys(after.threats);
    // The model gained exactly the threat the story now links, and nothing for the refused accept.
    expect(card.length + session.length).toBe(1);
    expect(linked).toContain([...card, ...session][0]!.id);
  });

  it('an accept and a save of the clauses at once: both land, one after the other, or the later is refused', async () => {
    const before = await story();
    const clauses = [...before.clauses, { id: 'c-race', text: 'someone replaying my payment', threatIds: [] }];
    site.faults.configure({ latencyMs: 30 });
    const [accepted, saved] = await Promise.all([
      accept('WEB-I-02', before.revision),
      call(
        'bob',
        'story/save-clauses',
        { baseRevision: before.revision, clauses, directThreatIds: before.directThreatIds },
        onIssue,
      ) as Promise<Envelope<StoryView>>,
    ]);
    site.faults.configure({ latencyMs: 0 });
    const after = await story();
    // Both started from the same revision: exactly one is stored, and the other says so.
    expect([accepted.ok, saved.ok].filter(Boolean)).toHaveLength(1);
    expect(after.revision).toBe(before.revision + 1);
    const added = await fromTemplate('WEB-I-02');
    if (accepted.ok) {
      expect(added).toHaveLength(1);
      expect(Object.keys(after.threats)).toContain(added[0]!.id);
    } else {
      expect(added).toHaveLength(0);
      expect(after.clauses.some((c) => c.id === 'c-race')).toBe(true);
    }
  });

  it('holds no model lock while it waits for the story’s: the model’s lock, tried beside the story’s, is given back, then taken in order', async () => {
    const before = await story();
    const storyLock = `/rest/api/3/issue/${PAY_3}/properties/without.lock.${before.revision}`;
    const admin = restAs(site, 'alice');
    expect((await admin('PUT', storyLock, { holder: 'someone', expiresAt: Date.now() + 20_000 })).status).toBe(201);
    const mark = site.log.mark();
    const accepting = accept('WEB-D-02', before.revision);
    const modelLock = /^\/rest\/api\/3\/project\/PAY\/properties\/without\.model\.lock\.\d+$/;
    const gaveBack = () =>
      site.log.since(mark).some((r) => r.method === 'DELETE' && r.principal === 'app' && modelLock.test(r.path));
    for (let i = 0; i < 200 && !gaveBack(); i++) await new Promise((r) => setTimeout(r, 20));
    // Its first try created the model's lock beside the story's attempt, and gave it back at once.
    expect(
      site.log.since(mark).filter((r) => r.method === 'PUT' && r.principal === 'app' && modelLock.test(r.path)),
    ).toEqual([expect.objectContaining({ status: 201 })]);
    expect(gaveBack()).toBe(true);
    expect(modelLocksLeft(site, 'PAY').current).toBe(false);

    await admin('DELETE', storyLock);
    const accepted = await accepting;
    expect(accepted.ok).toBe(true);
    const after = await story();
    expect(after.revision).toBe(before.revision + 1);
    expect(Object.keys(after.threats)).toContain((await fromTemplate('WEB-D-02'))[0]!.id);
  });
});
