import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { measureCall } from '../../../test/support/round-trips';
import type { Envelope } from '../../domain/common/envelope';
import type { SprintPlanView } from '../../contract';
import { resolver } from '../../index';

// The sprint view's gaps offer their fixes in place: what the plan says each person may do, and
// "link a threat" to a clause with none, saved as the person and answered with the plan.

const onSprint = (id: number) => ({
  type: 'jira:sprintAction',
  sprint: { id },
  board: { id: 1 },
  project: { id: '10000', key: 'PAY' },
});

describe('sprint planning: the gaps’ fixes', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const active = () => site.store.all('sprint').find((s) => s.state === 'active')!.id;
  const plan = async (who: 'alice' | 'bob' | 'carol') => {
    const answer = (await call(who, 'sprint/get', {}, onSprint(active()))) as Envelope<SprintPlanView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const clausesOf = async (key: string) => {
    const fields = await restAs(site, 'alice')('GET', '/rest/api/3/field');
    const field = (fields.body as unknown as Array<{ id: string; name: string }>).find(
      (f) => f.name === 'WITHOUT clauses',
    )!;
    const issue = await restAs(site, 'alice')('GET', `/rest/api/3/issue/${key}?fields=${field.id}`);
    return (issue.body?.fields as Record<string, { clauses: Array<{ text: string; threatIds: string[] }> }>)[field.id]!
      .clauses;
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('carry the clause a clause’s gap is about, and who may fix which gap', async () => {
    const alice = await plan('alice');
    const gap = alice.warnings.find((w) => w.kind === 'clause-without-threat');
    expect(gap).toMatchObject({ storyKey: 'PAY-4', clauseId: expect.any(String) });
    expect(alice).toMatchObject({ canEditStories: true, canEditThreatModel: true });
    // Bob is in the Security champions role, which the demo's settings name as the model's editors.
    expect(await plan('bob')).toMatchObject({ canEditStories: true, canEditThreatModel: true });
    expect(await plan('carol')).toMatchObject({ canEditStories: false, canEditThreatModel: false });
  });

  it('refuses carol’s link, before anything is written', async () => {
    const gap = (await plan('carol')).warnings.find((w) => w.kind === 'clause-without-threat')!;
    const mark = site.log.mark();
    const answer = await call(
      'carol',
      'sprint/link-threat',
      { sprintId: active(), issueKey: 'PAY-4', clauseId: gap.clauseId!, threatId: 'T-7' },
      onSprint(active()),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(site.log.since(mark).filter((r) => r.method !== 'GET' && !r.path.includes('/permissions'))).toEqual([]);
    expect((await clausesOf('PAY-4'))[0]!.threatIds).toEqual([]);
  });

  it('refuses a story of another project and a retired or unknown threat', async () => {
    const gap = (await plan('alice')).warnings.find((w) => w.kind === 'clause-without-threat')!;
    const link = { sprintId: active(), issueKey: 'PAY-4', clauseId: gap.clauseId! };
    expect(
      await call('alice', 'sprint/link-threat', { ...link, issueKey: 'OPS-4', threatId: 'T-7' }, onSprint(active())),
    ).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'OPS-4 is not in PAY.' } });
    expect(await call('alice', 'sprint/link-threat', { ...link, threatId: 'T-99' }, onSprint(active()))).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: "T-99 is not in PAY's threat model." },
    });
    // A retired threat the story already links directly (written through Jira's own editor) is
    // still a new link for the clause: refused, not slipped in because the story "had" it.
    const fields = await restAs(site, 'alice')('GET', '/rest/api/3/field');
    const field = (fields.body as unknown as Array<{ id: string; name: string }>).find(
      (f) => f.name === 'WITHOUT clauses',
    )!;
    const stored = (await restAs(site, 'alice')('GET', `/rest/api/3/issue/PAY-4?fields=${field.id}`)).body?.fields as
      Record<string, Record<string, unknown>> | undefined;
    const raw = stored![field.id]!;
    const edit = (value: unknown) =>
      restAs(site, 'alice')('PUT', '/rest/api/3/issue/PAY-4', { fields: { [field.id]: value } });
    expect((await edit({ ...raw, directThreatIds: ['T-12'] })).status).toBe(204);
    try {
      expect(await call('alice', 'sprint/link-threat', { ...link, threatId: 'T-12' }, onSprint(active()))).toEqual({
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: 'T-12 is retired and cannot be linked. Reactivate it in the threat model first.',
        },
      });
      expect((await clausesOf('PAY-4'))[0]!.threatIds).toEqual([]);
    } finally {
      expect((await edit(raw)).status).toBe(204);
    }
  });

  it('links alice’s pick to the clause: the answer is the plan without the gap, and counts its requests', async () => {
    const before = await plan('alice');
    const gap = before.warnings.find((w) => w.kind === 'clause-without-threat')!;
    let answer: Envelope<SprintPlanView> | undefined;
    const measured = await measureCall(site, async () => {
      answer = (await call(
        'alice',
        'sprint/link-threat',
        { sprintId: active(), issueKey: 'PAY-4', clauseId: gap.clauseId!, threatId: 'T-7' },
        onSprint(active()),
      )) as Envelope<SprintPlanView>;
    });
    const linked = answer as Envelope<SprintPlanView> | undefined;
    if (!linked?.ok) throw new Error(linked ? linked.error.message : 'no answer');
    expect(linked.data.warnings.filter((w) => w.kind === 'clause-without-threat')).toEqual([]);
    expect(linked.data.threats['T-7']).toMatchObject({ id: 'T-7' });
    expect(await clausesOf('PAY-4')).toEqual([
      expect.objectContaining({ text: 'my session being taken over on a shared Wi-Fi', threatIds: ['T-7'] }),
    ]);
    // The story's save with the model beside it (story/save-clauses' cost: 6 requests in 3 round
    // trips), then the plan, which shows that model read: its permissions and its two searches.
    console.log(`sprint/link-threat: ${measured.requests} requests, ${measured.roundTrips} round trips`);
    expect(measured.requests).toBeLessThanOrEqual(6 + 3);
    expect(measured.roundTrips).toBeLessThanOrEqual(3 + 2);
  });
});
