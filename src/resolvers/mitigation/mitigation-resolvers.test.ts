import type { LocalSite } from '../../../local/site/server';
import { tlsMitigation } from '../../../test/support/mitigation-drafts';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { MitigationView } from '../../contract';
import { resolver } from '../../index';
import { siteClient } from '../../../test/support/jira-clients';
import { modelLocksLeft } from '../../../test/support/model-locks-left';
import { claimTask } from '../../domain/threat-model/threat-model';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';

interface FoundTask {
  key: string;
  fields: {
    summary: string;
    issuelinks: Array<{ type: { name: string }; outwardIssue?: { key: string } }>;
    description: unknown;
  };
  properties: Record<string, unknown>;
}

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const tls = tlsMitigation;

describe('mitigations and their tasks', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const add = async (draft: object = tls) => {
    const answer = (await call('alice', 'mitigation/add', { draft }, onProject)) as Envelope<MitigationView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const createTask = (who: 'alice' | 'bob' | 'carol', mitigationId: string) =>
    call(who, 'mitigation/create-task', { mitigationId }, onProject) as Promise<Envelope<MitigationView>>;
  const tasksOf = async (mitigationId: string) => {
    const search = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
      jql: `project = PAY AND issue.property[without.task].mitigationId = "${mitigationId}"`,
      fields: ['summary', 'issuelinks', 'description'],
      properties: ['without.task'],
    });
    return search.body?.issues as unknown as FoundTask[];
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('adds a mitigation to a threat, proposed, numbered after the demo’s five', async () => {
    expect(await add()).toMatchObject({
      id: 'M-6',
      status: 'proposed',
      addresses: [{ threatId: 'T-1', strength: 75 }],
      task: null,
    });
  });

  it('creates its task with the property, the description and a Mitigates link to each story of the threat', async () => {
    // Alice administers Jira, so the site's missing "Mitigates" link type is created as her
    // (mitigates-link-type.test.ts: what others get).
    const answer = await createTask('alice', 'M-6');
    expect(answer).toMatchObject({
      ok: true,
      data: { id: 'M-6', status: 'accepted', task: { key: 'PAY-23', statusName: 'To Do' } },
    });
    const [task] = await tasksOf('M-6');
    expect(task?.fields.summary).toBe('Enforce TLS 1.2+ with HSTS (M-6)');
    expect(task?.properties['without.task']).toEqual({
      v: 1,
      mitigationId: 'M-6',
      threatIds: ['T-1'],
      projectKey: 'PAY',
      claim: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(task?.fields.issuelinks.map((l) => `${l.type.name} ${l.outwardIssue?.key}`).sort()).toEqual([
      'Mitigates PAY-1',
      'Mitigates PAY-2',
    ]);
    const description = JSON.stringify(task?.fields.description);
    for (const words of [
      'What to implement',
      'Terminate TLS 1.2+ only',
      'How to verify it',
      'SSL Labs',
      'T-1 Card details skimmed',
      'Critical (4 × 5 = 20)',
      'reduces it by 75%',
      'PAY-1',
      'WITHOUT having my card data stolen',
    ]) {
      expect(description).toContain(words);
    }
  });

  it('gives one task for a double click, a retry, and two people clicking at once', async () => {
    await add({
      ...tls,
      title: 'Rate-limit card authorisations per device',
      addresses: [{ threatId: 'T-2', strength: 50 }],
    });
    const answers = await Promise.all([createTask('bob', 'M-7'), createTask('alice', 'M-7'), createTask('bob', 'M-7')]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => a.ok && a.data.task?.key)).size).toBe(1);
    expect(await tasksOf('M-7')).toHaveLength(1);
    expect((await createTask('bob', 'M-7')).ok).toBe(true);
    expect(await tasksOf('M-7')).toHaveLength(1);
  });

  // A failure between creating the task and recording it leaves the model's claim and an issue
  // carrying the claim's id, created by the person who claimed it: the next try adopts it.
  const claimAs = async (mitigationId: string, accountId: string) => {
    let claimId = '';
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => {
      claimId = `claim-${mitigationId}`;
      return {
        model: claimTask(model, mitigationId, claimId, { accountId, now: new Date().toISOString() }),
        result: undefined,
      };
    });
    return claimId;
  };
  const handMadeTask = (
    who: 'alice' | 'bob',
    mitigationId: string,
    threatId: string,
    claim?: string,
    labels = ['without-mitigation'],
  ) =>
    restAs(site, who)('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'PAY' },
        issuetype: { name: 'Task' },
        summary: `Sign webhooks (${mitigationId})`,
        labels,
      },
      properties: [
        {
          key: 'without.task',
          value: { v: 1, mitigationId, threatIds: [threatId], projectKey: 'PAY', ...(claim ? { claim } : {}) },
        },
      ],
    });

  it('adopts the task a failed attempt created under its claim, instead of creating a second', async () => {
    await add({ ...tls, title: 'Sign payment webhooks', addresses: [{ threatId: 'T-9', strength: 100 }] });
    const claim = await claimAs('M-8', '712020:bob');
    const created = await handMadeTask('bob', 'M-8', 'T-9', claim);
    const answer = await createTask('bob', 'M-8');
    expect(answer).toMatchObject({ ok: true, data: { task: { key: created.body?.key } } });
    expect(await tasksOf('M-8')).toHaveLength(1);
  });

  it('never adopts an issue that only carries the claim: made by someone else, made before the claim, or not made like the app makes tasks', async () => {
    await add({ ...tls, title: 'Pin the PSP certificate', addresses: [{ threatId: 'T-1', strength: 50 }] });
    const claim = await claimAs('M-9', '712020:alice');
    const bobs = await handMadeTask('bob', 'M-9', 'T-1', claim);
    const unlabelled = await handMadeTask('alice', 'M-9', 'T-1', claim, []);
    // PAY-3, a story alice created weeks ago, with the claim written onto it by bob.
    await restAs(site, 'bob')('PUT', '/rest/api/3/issue/PAY-3/properties/without.task', {
      v: 1,
      mitigationId: 'M-9',
      threatIds: ['T-1'],
      projectKey: 'PAY',
      claim,
    });
    const forged = [bobs.body?.key, unlabelled.body?.key, 'PAY-3'];
    const answer = await createTask('alice', 'M-9');
    expect(answer.ok).toBe(true);
    const recorded = answer.ok ? answer.data.task?.key : undefined;
    expect(forged).not.toContain(recorded);
    expect((await tasksOf('M-9')).map((t) => t.key).sort()).toEqual([...forged, recorded].sort());
  });

  it('does not show the claim or the edit receipt to anyone', async () => {
    const claimed = await claimAs('M-7', '712020:bob');
    const view = await readWholeModel(call, 'carol', onProject);
    const m6 = view.ok ? view.data.mitigations.find((m) => m.id === 'M-7') : undefined;
    expect(m6).toBeDefined();
    expect(JSON.stringify(m6)).not.toContain(claimed);
    expect(m6).not.toHaveProperty('taskClaim');
  });

  it('leaves no half-made task when Jira fails during creation, and succeeds on the next try', async () => {
    await add({
      ...tls,
      title: 'Lock accounts after repeated failed logins',
      addresses: [{ threatId: 'T-5', strength: 50 }],
    });
    site.faults.configure({ rate429: 0.3, rate500: 0.2, seed: 5, retryAfterSeconds: 0 });
    const attempts: Array<Envelope<MitigationView>> = [];
    try {
      for (let i = 0; i < 8 && !attempts.some((a) => a.ok); i++) attempts.push(await createTask('bob', 'M-10'));
    } finally {
      site.faults.configure({ rate429: 0, rate500: 0 });
    }
    expect(attempts.some((a) => a.ok)).toBe(true);
    const tasks = await tasksOf('M-10');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.fields.issuelinks.map((l) => l.outwardIssue?.key)).toEqual(['PAY-3']);
    // However many attempts failed part way, no lock holds the step from the revision now stored,
    // and every lock left is one the meta's book says may remain.
    const locks = modelLocksLeft(site, 'PAY');
    expect(locks).toMatchObject({ current: false, single: false });
    expect(locks.left.every((r) => r >= (locks.floor ?? 0) && r < locks.revision)).toBe(true);
  }, 60_000);

  it('refuses a task for a mitigation already in place, which would raise the risk', async () => {
    expect(await createTask('bob', 'M-1')).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'M-1 is already in place (existing); it needs no task.' },
    });
  });

  it('refuses carol, who cannot create issues', async () => {
    expect(await createTask('carol', 'M-6')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "You can't create tasks in PAY." },
    });
  });
});
