import { APP_ACCESS_ROLE_ID } from '../../../local/site/security-levels';
import { startAuditSite, type AuditSite } from '../../../test/support/audit-site';
import { restAs } from '../../../test/support/local-site';
import { okData } from '../../../test/support/round-trips';
import type { AuditView, SettingsView } from '../../contract';

// A project administrator who is not in a security level writes the story scope JQL, and the
// app's audit runs it as the app, which sees the level. The counts the audit stores (how many
// issues it left out, how many stories it read) are read by everyone who browses the project, so
// they must not change with what that JQL matches among restricted stories: else each run answers
// a question about a story the administrator may not see (found by an attacker's review).

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onAdminPage = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };
const LEVEL = '10100'; // PAY's "Security team" (local/site/security-levels.ts)

describe('the story scope JQL and stories under a security level', () => {
  let site: AuditSite['site'];
  let call: AuditSite['call'];
  let consumer: AuditSite['consumer'];
  beforeAll(async () => ({ site, call, consumer } = await startAuditSite()));
  afterAll(() => site.close());

  /** alice sets the scope and runs the audit; what carol (a viewer) reads of the stored counts. */
  const countsWithScope = async (scopeJql: string) => {
    okData<SettingsView>(
      await call(
        'alice',
        'settings/save',
        { settings: { storyCoverage: { issueTypeNames: ['Story'], scopeJql } } },
        onAdminPage,
      ),
    );
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
    const view = okData<AuditView>(await call('carol', 'audit/get', {}, onProject));
    const status = (await restAs(site, 'carol')('GET', '/rest/api/3/project/PAY/properties/without.audit')).body as {
      value: { state: string; progress: { stories: number } };
    };
    expect(status.value.state).toBe('done');
    return { leftOut: view.result!.restrictedLeftOut ?? 0, storiesRead: status.value.progress.stories };
  };

  it('do not change what the stored counts say', async () => {
    const { store } = site;
    const field = store.all('customField').find((f) => f.name === 'WITHOUT clauses')!;
    const storyType = store.all('issueType').find((t) => t.name === 'Story')!;
    const target = store
      .all('issue')
      .find(
        (i) => i.projectId === 10000 && i.issueTypeId === storyType.id && (i.customFields[field.id] ?? null) === null,
      )!;
    const word = target.summary.split(/\W+/).find((w) => w.length > 5)!;
    const asks = (w: string) => `key = ${target.key} AND summary ~ "${w}"`;
    // Control: without a level the scope brings the story in when the word matches (the counts could tell).
    const open = [await countsWithScope(asks(word)), await countsWithScope(asks('zebracorn'))];
    expect(open[0]!.storiesRead).toBe(open[1]!.storiesRead + 1);

    // The level's members: the app and the reporter only; alice administers PAY but is outside it.
    store.put('securityLevel', LEVEL, {
      ...store.get('securityLevel', LEVEL)!,
      roleIds: [APP_ACCESS_ROLE_ID],
      accountIds: [],
    });
    store.put('issue', target.id, { ...target, securityLevelId: LEVEL, reporterAccountId: '712020:nobody' });
    expect((await restAs(site, 'alice')('GET', `/rest/api/3/issue/${target.key}`)).status).toBe(404);

    const matching = await countsWithScope(asks(word));
    const notMatching = await countsWithScope(asks('zebracorn'));
    expect(matching).toEqual(notMatching);
    expect(matching.storiesRead).toBe(open[1]!.storiesRead);
  });
});
