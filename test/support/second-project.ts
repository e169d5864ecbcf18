import { LOCAL_API_TOKEN, ensureSecurityLevels } from '../../local/site/base-data';
import { restAsEmail } from './local-site';
import type { LocalIssue, LocalProject } from '../../local/site/model';
import type { LocalSite } from '../../local/site/server';
import { META_KEY, SHARD_PREFIX } from '../../src/jira/threat-model/threat-model-shards';

// A second project on a site seeded with the demo, for tests about what one project's people
// can do to another's data. SEC starts with a byte-for-byte copy of PAY's threat model, so the
// same mitigation ids (M-1 … M-4) exist in both; the copy records PAY's issues as the tasks of
// M-2 and M-3, as any model copied from another project would.
//
// Who may do what in SEC:
//   alice  administrator (her grant for every project)
//   bob    developer (his grant for every project), in SEC's Developers role but not in its
//          Security champions role, the model editors' role the settings name (10004)
//   carol  no access at all: SEC and its issues do not exist for her (Jira answers 404)
//   dave   developer of PAY only, no access to SEC: a person who can edit PAY's issues but
//          cannot see SEC (not a demo person; reach the site as him with `restAsDave`)
// SEC has its issue security level like every project ("Security team", id SEC's project id
// plus 100: '10101' beside the demo's PAY; see ensureSecurityLevels); no issue of SEC carries it.

export const DAVE = { accountId: '712020:dave', email: 'dave@example.com', displayName: 'Dave PayDeveloper' } as const;

const ROLE = { administrators: 10002, developers: 10001, viewers: 10003, securityChampions: 10004 } as const;

export interface SecondProject {
  project: LocalProject;
  /** The project properties copied from PAY, by key: the threat model's meta and shards. */
  copiedKeys: string[];
  /** SEC's one story, created by alice. */
  story: { id: string; key: string };
}

/** Adds SEC to a running site that has the demo's PAY (startTestSite({ demo: true }) or startLocalApp seed 'demo'). */
export function addSecondProject(site: LocalSite, key = 'SEC'): SecondProject {
  const { store } = site;
  const pay = store.all('project').find((p) => p.key === 'PAY');
  if (!pay) throw new Error('addSecondProject needs the demo project PAY on the site');
  if (store.all('project').some((p) => p.key === key)) throw new Error(`The site already has a project ${key}`);
  return store.transaction(() => {
    const id = store.next('project', 10000);
    const project: LocalProject = { id, key, name: 'Security platform', leadAccountId: '712020:alice' };
    store.put('project', id, project);
    ensureSecurityLevels(store);
    const members: Array<[number, string[]]> = [
      [ROLE.administrators, ['712020:alice']],
      [ROLE.developers, ['712020:bob']],
      [ROLE.viewers, []],
      [ROLE.securityChampions, []],
    ];
    for (const [roleId, accountIds] of members)
      store.put('roleMembership', `${id}/${roleId}`, { projectId: id, roleId, accountIds });
    store.put('grant', `712020:carol/${key}`, { accountId: '712020:carol', projectKey: key, role: 'none' });
    if (!store.get('user', DAVE.accountId))
      store.put('user', DAVE.accountId, { ...DAVE, apiToken: LOCAL_API_TOKEN, accountType: 'atlassian' });
    store.put('grant', `${DAVE.accountId}/PAY`, { accountId: DAVE.accountId, projectKey: 'PAY', role: 'developer' });

    const copied = store
      .all('projectProperty')
      .filter((p) => p.projectId === pay.id && (p.key === META_KEY || p.key.startsWith(SHARD_PREFIX)));
    for (const property of copied) {
      // The raw stored value, through JSON, so SEC's copy shares nothing with PAY's.
      store.put('projectProperty', `${id}/${property.key}`, {
        projectId: id,
        key: property.key,
        value: JSON.parse(JSON.stringify(property.value)) as unknown,
      });
    }

    const storyId = store.next('issue', 10000);
    const stamp = new Date().toISOString().replace('Z', '+0000');
    const story: LocalIssue = {
      id: storyId,
      key: `${key}-${store.next(`issue-number/${id}`)}`,
      projectId: id,
      issueTypeId: '10001',
      statusId: '10000',
      summary: 'As an operator, I want to rotate the signing keys so that a leaked key stops working',
      description: null,
      labels: [],
      reporterAccountId: '712020:alice',
      creatorAccountId: '712020:alice',
      assigneeAccountId: null,
      created: stamp,
      updated: stamp,
      rank: storyId,
      sprintId: null,
      customFields: {},
      properties: {},
    };
    store.put('issue', storyId, story);
    return { project, copiedKeys: copied.map((p) => p.key).sort(), story: { id: String(storyId), key: story.key } };
  });
}

/** A fetch against the site as dave (basic auth, like restAs for the demo's people). */
export const restAsDave = (site: LocalSite) => restAsEmail(site, DAVE.email);
