import type { IncomingMessage, ServerResponse } from 'node:http';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { decodeShard } from '../../jira/threat-model/threat-model-shards';
import { resolver } from '../../index';

// "An issue whose property someone wrote by hand is never adopted" (README, Mitigation tasks,
// once). The claim id is readable by anyone who may browse the project, so the claim alone
// proves nothing: bob must not be able to bind alice's pending claim to an old, Done story
// alice created long before (found by an attacker's review).

describe('a pending claim written by hand onto an old issue', () => {
  let site: LocalSite;
  let failNextCreate = false;
  const extra = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (
      failNextCreate &&
      req.method === 'POST' &&
      req.url?.startsWith('/rest/api/3/issue') &&
      !req.url.includes('/issue/')
    ) {
      failNextCreate = false;
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errorMessages: ['Internal server error'], errors: {} }));
      return true;
    }
    return false;
  };
  beforeAll(async () => (site = await startTestSite({ demo: true, extra })));
  afterAll(() => site.close());

  it('does not let bob make M-4 count as implemented through a Done story alice wrote long ago', async () => {
    const call = resolverCaller(site, resolver as never);
    const page = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
    const m4 = async () =>
      (await readThreatModel(siteClient(site), 'PAY')).model.mitigations.find((m) => m.id === 'M-4')!;
    expect(await m4()).toMatchObject({ status: 'proposed', task: null });

    // 1. alice clicks "Create task"; Jira fails the create (a 500, a timeout): the claim stays.
    failNextCreate = true;
    const failed = (await call('alice', 'mitigation/create-task', { mitigationId: 'M-4' }, page)) as Envelope<unknown>;
    expect(failed.ok).toBe(false);
    const claim = (await m4()).taskClaim!;
    expect(claim.accountId).toBe('712020:alice');

    // 2. bob (developer) reads the claim id the way anyone who may browse PAY can...
    const bob = restAs(site, 'bob');
    const shard = await bob('GET', '/rest/api/3/project/PAY/properties/without.model.shard.0');
    const entries = (decodeShard(shard.body?.value) as { entries: Array<{ id: string; taskClaim?: { id: string } }> })
      .entries;
    const seen = entries.find((e) => e.id === 'M-4')!.taskClaim!.id;
    expect(seen).toBe(claim.id);
    // ...and writes it onto PAY-3, a Done story alice created long before the claim.
    expect(site.store.issueByKey('PAY-3')).toMatchObject({ creatorAccountId: '712020:alice' });
    const wrote = await bob('PUT', '/rest/api/3/issue/PAY-3/properties/without.task', {
      v: 1,
      mitigationId: 'M-4',
      threatIds: ['T-3'],
      projectKey: 'PAY',
      claim: seen,
    });
    expect(wrote.status).toBe(201);

    // 3. A retry (bob's own click here) does not adopt PAY-3: it creates the real task.
    const retried = (await call('bob', 'mitigation/create-task', { mitigationId: 'M-4' }, page)) as Envelope<{
      status: string;
      task: { key: string };
    }>;
    expect(retried).toMatchObject({
      ok: true,
      data: { status: 'accepted', task: { key: expect.not.stringMatching(/^PAY-3$/) } },
    });
    expect((await m4()).task?.key).not.toBe('PAY-3');

    // 4. The threat model view shows M-4 accepted, carried by the new task, not implemented.
    const view = await readWholeModel(call, 'carol', page);
    if (!view.ok) throw new Error(JSON.stringify(view));
    expect(view.data.mitigations.find((m) => m.id === 'M-4')).toMatchObject({
      status: 'accepted',
      task: { key: retried.ok ? retried.data.task.key : '' },
    });
  });
});
