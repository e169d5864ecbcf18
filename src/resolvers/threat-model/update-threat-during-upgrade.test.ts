import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { LOCK_KEY } from '../../jira/threat-model/threat-model-shards';
import { resolver } from '../../index';

// While an earlier version of the app holds its single model lock (during an upgrade), a threat
// edit does not take its turn: it queues. The queue's entry is written as the app, so the person
// must have been checked before it: someone who may only browse the project is refused, and
// nothing at all is written to Jira (found in review: the edit used to be queued and applied).

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('a threat edit while an earlier version holds the model lock', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('refuses someone who may only browse the project, with no write reaching Jira', async () => {
    const lockPath = `/rest/api/3/project/PAY/properties/${LOCK_KEY}`;
    const held = { holder: 'earlier-version', token: 'old', expiresAt: Date.now() + 3_000 };
    expect((await restAs(site, 'alice')('PUT', lockPath, held)).status).toBe(201);
    const before = (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-2')!;
    const mark = site.log.mark();
    const answer = (await call(
      'carol',
      'threat-model/update-threat',
      {
        id: 'T-2',
        baseRevision: before.revision,
        draft: {
          title: 'Card testing (carol)',
          description: before.description,
          stride: before.stride,
          probability: before.probability,
          impact: before.impact,
          component: before.component,
        },
      },
      onProject,
    )) as Envelope<ThreatView>;
    const writes = site.log.since(mark).filter((r) => r.method !== 'GET');
    await restAs(site, 'alice')('DELETE', lockPath);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const after = (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-2')!;
    expect(after).toEqual(before);
  });
});
