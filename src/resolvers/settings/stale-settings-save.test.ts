import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { SettingsView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { resolver } from '../../index';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';

const onAdminPage = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };

// A settings page loaded before a field existed sends the settings without it. The save must
// keep what is stored for that field, not reset it to the default.
describe('saving the settings from a client that does not know every field', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  it('keeps the stored risk settings and story coverage the client did not send', async () => {
    const risk = { tier: 'critical' as const, tolerance: 12, countDetective: true, accepterRoleIds: ['10002'] };
    const storyCoverage = { issueTypeNames: ['Story', 'Bug'], scopeJql: 'labels = login' };
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
      model: { ...model, settings: { ...model.settings, risk, storyCoverage } },
      result: undefined,
    }));
    const call = resolverCaller(site, resolver);
    const stale = { editorRoleIds: ['10004'], editorGroupIds: [], taskIssueTypeName: 'Bug' };
    const answer = (await call('alice', 'settings/save', { settings: stale }, onAdminPage)) as Envelope<SettingsView>;
    expect(answer).toMatchObject({ ok: true, data: { settings: { taskIssueTypeName: 'Bug', risk, storyCoverage } } });
    const stored = (await readThreatModel(siteClient(site), 'PAY')).model.settings;
    expect(stored).toMatchObject({ taskIssueTypeName: 'Bug', risk, storyCoverage });
  });
});
