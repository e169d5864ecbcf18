import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { SettingsView, ThreatModelView } from '../../contract';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

// The meta holds the settings (who may edit) and the id counters: defaults in its place would
// drop the editor roles and number new threats from T-1 again. So it is shown as a problem and
// every write is refused until someone restores or deletes it.
describe('a threat model whose meta someone broke through the REST API', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const broken = {
    v: 1,
    nextThreatNumber: 13,
    nextMitigationNumber: 5,
    settings: { editorRoleIds: 'everyone' },
    revision: 9,
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    await restAs(site, 'alice')('PUT', '/rest/api/3/project/PAY/properties/without.model', broken);
  });
  afterAll(() => site.close());

  it('shows the threats with the problem on the Threat model tab and the settings page, read only there', async () => {
    const model = (await call('alice', 'threat-model/get', {}, onProject)) as Envelope<ThreatModelView>;
    expect(model).toMatchObject({
      ok: true,
      data: {
        problems: expect.arrayContaining([expect.stringContaining('(project property without.model) cannot be read')]),
      },
    });
    expect(model.ok && model.data.index.entries).toHaveLength(12);
    const settings = (await call('alice', 'settings/get', {}, onProject)) as Envelope<SettingsView>;
    expect(settings).toMatchObject({
      ok: true,
      data: {
        canEdit: false,
        problems: [expect.stringContaining('read only until a Jira administrator restores or deletes that property')],
      },
    });
  });

  it('refuses every model write with that sentence and keeps the value byte for byte', async () => {
    const draft = {
      title: 'Refunds issued twice',
      description: '',
      stride: ['T'],
      probability: 2,
      impact: 3,
      component: '',
    };
    const writes = [
      call('alice', 'threat-model/create-threat', { draft }, onProject),
      call(
        'alice',
        'settings/save',
        {
          settings: {
            editorRoleIds: [],
            editorGroupIds: [],
            taskIssueTypeName: 'Task',
            statusMapping: { implemented: [], inProgress: [] },
          },
        },
        onProject,
      ),
      call(
        'alice',
        'mitigation/add',
        { draft: { title: 'Idempotency keys on refunds', addresses: [{ threatId: 'T-2', strength: 50 }] } },
        onProject,
      ),
    ];
    const [created, saved, added] = await Promise.all(writes);
    for (const answer of [created, added])
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'INVALID_DATA', message: expect.stringContaining('cannot be read') },
      });
    expect(saved).toMatchObject({ ok: false });
    expect(
      (await restAs(site, 'alice')('GET', '/rest/api/3/project/PAY/properties/without.model')).body?.value,
    ).toEqual(broken);
  });
});
