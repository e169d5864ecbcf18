import type { LocalSite } from '../../../local/site/server';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { siteClient } from '../../../test/support/jira-clients';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import { builtInKnowledgeBase } from '../../domain/knowledge-base/active-knowledge-bases';
import { KB_FORMAT, type KnowledgeBaseInput } from '../../domain/knowledge-base/knowledge-base';
import type { KbUpload, KbUploadResult, StoryView, ThreatRow } from '../../contract';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onAdminPage = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };
const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const PAY_1 = '10000';
type Who = 'alice' | 'bob' | 'carol';

// Demo T-1 (Critical 20, T and I, component "Checkout web page") is asked one question per category.
const T1_T = 'web-and-api/WEB-Q-WEB-UI-T';
const T1_I = 'web-and-api/WEB-Q-WEB-UI-I';

describe('STRIDE questions and knowledge-base updates of threats', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: Envelope<T>): T => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const model = async (who: Who = 'alice') => ok(await readWholeModel(call, who, onProject));
  const row = async (id: string): Promise<ThreatRow> => (await model()).threats.find((t) => t.id === id)!;
  const answer = (who: Who, payload: unknown) =>
    call(who, 'threat-model/answer-question', payload, onProject) as Promise<Envelope<ThreatView>>;
  const decide = (who: Who, payload: unknown) =>
    call(who, 'threat-model/take-kb-update', payload, onProject) as Promise<Envelope<ThreatView>>;
  /** Accepts a knowledge-base template on PAY-1 as bob (the way a threat from a knowledge base is made) and answers its id. */
  const accept = async (knowledgeBaseId: string, templateId: string): Promise<string> => {
    const story = ok((await call('bob', 'story/get', {}, onIssue(PAY_1))) as Envelope<StoryView>);
    const view = ok(
      (await call(
        'bob',
        'knowledge-base/accept',
        { knowledgeBaseId, templateId, baseRevision: story.revision },
        onIssue(PAY_1),
      )) as Envelope<StoryView>,
    );
    return Object.values(view.threats).find(
      (t) => t.source.kind === 'knowledge-base' && t.source.templateId === templateId,
    )!.id;
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  describe('questions', () => {
    it('threat-model/get names each threat’s questions and lists each question once, in the same 5 requests as without questions', async () => {
      await model('carol');
      const mark = site.log.mark();
      await call('carol', 'threat-model/get', {}, onProject);
      const requests = site.log.since(mark);
      const view = await model('carol');
      // Only the built-in knowledge base is active: it is in the code, so reading it costs nothing.
      expect(requests.filter((r) => r.path.includes('without.kb'))).toEqual([]);
      // The model with the audit's status and the upload list in one request, the permissions, the tasks by id,
      // the count the tab's refresh compares, and the role the settings name.
      expect(requests.map((r) => r.path).sort()).toEqual([
        '/rest/api/3/issue/bulkfetch',
        '/rest/api/3/mypermissions',
        '/rest/api/3/project/PAY',
        '/rest/api/3/project/PAY/role/10004',
        '/rest/api/3/search/approximate-count',
      ]);

      const t1 = view.threats.find((t) => t.id === 'T-1')!;
      expect(t1).toMatchObject({ questionKeys: [T1_T, T1_I], answeredQuestions: 0 });
      expect(view.questions[T1_T]).toEqual({
        stride: 'T',
        topic: 'validation',
        text: expect.stringMatching(/\?$/),
        why: expect.any(String),
        knowledgeBaseName: builtInKnowledgeBase().name,
      });
      const named = new Set(view.threats.flatMap((t) => t.questionKeys));
      expect(Object.keys(view.questions).sort()).toEqual([...named].sort());
    });

    it('records bob’s answer with its note, who and when; the row counts it', async () => {
      const before = await row('T-1');
      const saved = ok(
        await answer('bob', {
          threatId: 'T-1',
          questionKey: T1_T,
          answer: 'no',
          note: 'The card form trusts the amount sent by the browser.',
          expectedAt: null,
        }),
      );
      expect(saved.answers?.[T1_T]).toEqual({
        answer: 'no',
        note: 'The card form trusts the amount sent by the browser.',
        answered: { accountId: '712020:bob', at: expect.any(String) },
      });
      expect(saved.revision).toBe(before.revision + 1);
      expect(await row('T-1')).toMatchObject({ answeredQuestions: 1, revision: saved.revision });
    });

    it('keeps both answers when alice and bob answer different questions of T-3 at the same time', async () => {
      const start = await row('T-3');
      const [s, e] = start.questionKeys as [string, string];
      const [bobs, alices] = await Promise.all([
        answer('bob', { threatId: 'T-3', questionKey: s, answer: 'yes', note: '', expectedAt: null }),
        answer('alice', {
          threatId: 'T-3',
          questionKey: e,
          answer: 'not-applicable',
          note: 'No roles in the refund service.',
          expectedAt: null,
        }),
      ]);
      expect([bobs.ok, alices.ok]).toEqual([true, true]);
      const after = await row('T-3');
      expect(Object.keys(after.answers ?? {}).sort()).toEqual([s, e].sort());
      expect(after).toMatchObject({ answeredQuestions: 2, revision: start.revision + 2 });
    });

    it('refuses a change of an answer someone changed since, naming the answer it started from', async () => {
      const stored = (await row('T-1')).answers![T1_T]!;
      const stale = await answer('alice', {
        threatId: 'T-1',
        questionKey: T1_T,
        answer: 'yes',
        note: '',
        expectedAt: null,
      });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('Someone else answered this question of T-1') },
      });
      const changed = ok(
        await answer('alice', {
          threatId: 'T-1',
          questionKey: T1_T,
          answer: 'yes',
          note: 'Fixed in PAY-12.',
          expectedAt: stored.answered.at,
        }),
      );
      expect(changed.answers?.[T1_T]).toMatchObject({ answer: 'yes', answered: { accountId: '712020:alice' } });
      const cleared = ok(
        await answer('alice', {
          threatId: 'T-1',
          questionKey: T1_T,
          answer: null,
          expectedAt: changed.answers![T1_T]!.answered.at,
        }),
      );
      expect(cleared.answers).toBeUndefined();
    });

    it('refuses carol, who may not edit the threat model, and changes nothing', async () => {
      const before = await row('T-2');
      const refused = await answer('carol', {
        threatId: 'T-2',
        questionKey: before.questionKeys[0],
        answer: 'yes',
        note: '',
        expectedAt: null,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await row('T-2')).toEqual(before);
    });

    it('explains an unknown question, an unknown threat and a note that is too long', async () => {
      expect(
        await answer('bob', {
          threatId: 'T-1',
          questionKey: 'web-and-api/WEB-Q-API-D',
          answer: 'yes',
          expectedAt: null,
        }),
      ).toEqual({
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message:
            '"web-and-api/WEB-Q-API-D" is not one of the STRIDE questions asked about T-1 (the project\'s knowledge bases may have changed). Reload to see its questions.',
        },
      });
      expect(await answer('bob', { threatId: 'T-99', questionKey: T1_T, answer: 'yes', expectedAt: null })).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: "Threat T-99 is not in this project's threat model." },
      });
      expect(
        await answer('bob', {
          threatId: 'T-1',
          questionKey: T1_T,
          answer: 'yes',
          note: 'x'.repeat(1001),
          expectedAt: null,
        }),
      ).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'A note can have at most 1000 characters' } });
      expect(
        await answer('bob', { threatId: 'T-1', questionKey: T1_T, answer: 'maybe', expectedAt: null }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });
  });

  describe('knowledge-base updates', () => {
    const builtIn = builtInKnowledgeBase();
    let threatId: string;

    it('shows what a newer version of the built-in knowledge base changes on a threat made from an older one', async () => {
      threatId = await accept(builtIn.id, 'WEB-I-01');
      const template = builtIn.threats.find((t) => t.id === 'WEB-I-01')!;
      // The threat as version 2025.1.0 made it: another title, and without one mitigation the current version has.
      const dropped = await changeThreatModel(siteClient(site), 'PAY', 'test', (m) => {
        const gone = m.mitigations.find((x) => x.source?.templateId === 'WEB-M-34')!;
        return {
          model: {
            ...m,
            threats: m.threats.map((t) =>
              t.id === threatId && t.source.kind === 'knowledge-base'
                ? { ...t, title: 'Card data disclosed', source: { ...t.source, version: '2025.1.0' } }
                : t,
            ),
            mitigations: m.mitigations.filter((x) => x !== gone),
          },
          result: gone,
        };
      });
      const update = (await row(threatId)).kbUpdate;
      expect(update).toEqual({
        knowledgeBaseId: builtIn.id,
        knowledgeBaseName: builtIn.name,
        fromVersion: '2025.1.0',
        toVersion: builtIn.version,
        changes: [{ field: 'title', from: 'Card data disclosed', to: template.title }],
        newMitigations: [{ templateId: 'WEB-M-34', title: dropped.title }],
        removed: false,
      });
      expect((await row('T-1')).kbUpdate).toBeUndefined();
    });

    it('refuses carol and a stale revision, changing nothing', async () => {
      const before = await row(threatId);
      expect(await decide('carol', { threatId, baseRevision: before.revision, take: true })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await decide('bob', { threatId, baseRevision: before.revision + 1, take: true })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await decide('bob', { threatId: 'T-1', baseRevision: 1, take: true })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'T-1 was not created from a knowledge base.' },
      });
      expect(await row(threatId)).toEqual(before);
    });

    it('"Take update": the template’s title, the missing mitigation as proposed, the current version; the notice goes', async () => {
      const before = await model();
      const current = before.threats.find((t) => t.id === threatId)!;
      const taken = ok(await decide('bob', { threatId, baseRevision: current.revision, take: true }));
      expect(taken).toMatchObject({
        title: builtIn.threats.find((t) => t.id === 'WEB-I-01')!.title,
        revision: current.revision + 1,
        source: { version: builtIn.version },
      });
      const after = await model();
      expect(after.threats.find((t) => t.id === threatId)!.kbUpdate).toBeUndefined();
      const added = after.mitigations.filter((m) => !before.mitigations.some((b) => b.id === m.id));
      expect(added.map((m) => [m.source?.templateId, m.status, m.addresses])).toEqual([
        ['WEB-M-34', 'proposed', [{ threatId, strength: expect.any(Number) }]],
      ]);
    });

    it('"Keep ours": only the version is recorded, the threat keeps its values', async () => {
      await changeThreatModel(siteClient(site), 'PAY', 'test', (m) => ({
        model: {
          ...m,
          threats: m.threats.map((t) =>
            t.id === threatId && t.source.kind === 'knowledge-base'
              ? { ...t, impact: 3, source: { ...t.source, version: '2026.1.0' } }
              : t,
          ),
        },
        result: undefined,
      }));
      const current = await row(threatId);
      expect(current.kbUpdate?.changes).toEqual([{ field: 'impact', from: '3', to: '5' }]);
      const kept = ok(await decide('bob', { threatId, baseRevision: current.revision, take: false }));
      expect(kept).toMatchObject({ impact: 3, source: { version: builtIn.version } });
      expect((await row(threatId)).kbUpdate).toBeUndefined();
    });

    it('shows and takes the new version of an uploaded knowledge base; reading the upload costs two more requests', async () => {
      const payments = (version: string, title: string): KnowledgeBaseInput => ({
        format: KB_FORMAT,
        id: 'payments-team',
        name: 'Payments team threats',
        version,
        source: { format: 'without' },
        threats: [
          { id: 'PT-1', title, stride: ['I'], probability: 4, impact: 5, top: true, appliesWhen: { words: ['card'] } },
        ],
        mitigations: [{ id: 'PM-1', title: 'Tokenise card numbers', addresses: [{ threatId: 'PT-1', strength: 75 }] }],
      });
      const upload = async (kb: KnowledgeBaseInput) => {
        const payload: KbUpload = {
          fileName: 'payments.json',
          format: 'auto',
          content: { encoding: 'text', text: JSON.stringify(kb) },
        };
        return ok((await call('alice', 'knowledge-base/upload', payload, onAdminPage)) as Envelope<KbUploadResult>);
      };
      await upload(payments('1', 'Card numbers leak from the checkout'));
      const id = await accept('payments-team', 'PT-1');
      expect((await upload(payments('2', 'Card numbers leak from the checkout or its logs'))).replacedVersion).toBe(
        '1',
      );

      await model('carol');
      const mark = site.log.mark();
      await call('carol', 'threat-model/get', {}, onProject);
      // The same five, and the upload: its list, then its part.
      expect(site.log.since(mark)).toHaveLength(7);
      // Its full row: the model, and the upload (its list, then its parts); its mitigations have no task to read.
      const pageMark = site.log.mark();
      await call('carol', 'threat-model/threats', { ids: [id] }, onProject);
      expect(site.log.since(pageMark)).toHaveLength(3);
      const view = await model('carol');
      const update = view.threats.find((t) => t.id === id)!.kbUpdate;
      expect(update).toMatchObject({
        knowledgeBaseName: 'Payments team threats',
        fromVersion: '1',
        toVersion: '2',
        changes: [
          {
            field: 'title',
            from: 'Card numbers leak from the checkout',
            to: 'Card numbers leak from the checkout or its logs',
          },
        ],
        newMitigations: [],
      });

      const current = view.threats.find((t) => t.id === id)!;
      expect(ok(await decide('bob', { threatId: id, baseRevision: current.revision, take: true }))).toMatchObject({
        title: 'Card numbers leak from the checkout or its logs',
        source: { version: '2' },
      });
    });
  });
});
