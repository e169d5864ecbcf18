import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { emptyThreatModel } from '../../domain/threat-model/threat-model';
import { canEditThreatModel, siteGroups } from './permissions';

// Who may edit the threat model: project admins, and members of the roles or groups the
// settings name. A project role's actors may be groups (atlassian-group-role-actor): their
// members hold the role too. And a site has more groups than one page of 50.

const AUDITORS = 'a1b2c3d4-0003-4000-8000-000000000003'; // carol's group in the base data
const SECURITY_CHAMPIONS = '10004';

describe('threat model editors through roles held by groups', () => {
  let site: LocalSite;
  beforeEach(async () => (site = await startTestSite({ demo: true })));
  afterEach(() => site.close());

  const settings = (editorRoleIds: string[], editorGroupIds: string[] = []) => ({
    ...emptyThreatModel().settings,
    editorRoleIds,
    editorGroupIds,
  });
  const carolMayEdit = (roleIds: string[], groupIds: string[] = []) =>
    canEditThreatModel(
      siteClient(site, '712020:carol'),
      siteClient(site),
      { projectKey: 'PAY', accountId: '712020:carol' },
      settings(roleIds, groupIds),
    );

  it('counts the members of a group that holds a named role', async () => {
    expect(await carolMayEdit([SECURITY_CHAMPIONS])).toBe(false);
    const project = site.store.all('project').find((p) => p.key === 'PAY')!;
    const id = `${project.id}/${SECURITY_CHAMPIONS}`;
    site.store.put('roleMembership', id, { ...site.store.get('roleMembership', id)!, groupIds: [AUDITORS] });
    expect(await carolMayEdit([SECURITY_CHAMPIONS])).toBe(true);
  });

  it('still counts groups the settings name directly, and nobody else', async () => {
    expect(await carolMayEdit([], [AUDITORS])).toBe(true);
    expect(await carolMayEdit([], ['a1b2c3d4-0002-4000-8000-000000000002'])).toBe(false);
  });

  it('lists every group of the site, past the first page of 50', async () => {
    site.store.transaction(() => {
      for (let i = 0; i < 120; i++) {
        const groupId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        site.store.put('group', groupId, { groupId, name: `team-${String(i).padStart(3, '0')}`, memberIds: [] });
      }
    });
    const groups = await siteGroups(siteClient(site));
    expect(groups).toHaveLength(123);
    expect(new Set(groups.map((g) => g.id)).size).toBe(123);
  });
});
