import { APP_ACCOUNT_ID } from '../../../local/site/base-data';
import type { LocalSite } from '../../../local/site/server';
import { startTestSite } from '../../../test/support/local-site';
import { JiraClient } from '../client/jira-client';
import type { JiraTransport } from '../client/transport';
import { META_KEY } from '../threat-model/threat-model-shards';
import type { AuditReadProgress } from './audit-source';
import { auditJiraProject } from './project-audit';

// The audit runs as the app, which can read every project. Whatever the project's story scope
// JQL is made to say, no issue of another project is counted, audited or shown in progress.
describe('the audit of a project never counts another project’s issues', () => {
  let site: LocalSite;
  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    // OPS, with a copy of PAY-5 (a Story without clauses that the built-in rules match).
    const ops = { id: 10100, key: 'OPS', name: 'Operations', leadAccountId: '712020:alice' };
    site.store.put('project', ops.id, ops);
    const pay5 = site.store.all('issue').find((i) => i.key === 'PAY-5')!;
    site.store.put('issue', 90001, { ...pay5, id: 90001, key: 'OPS-1', projectId: ops.id, properties: {} });
  });
  afterEach(() => site.close());

  /** The app's client, with every search's JQL passed through `rewrite` first. */
  const appClient = (rewrite: (jql: string) => string = (jql) => jql) => {
    const token = site.auth.issueForgeToken(APP_ACCOUNT_ID);
    const transport: JiraTransport = {
      send: (path, request) => {
        let body = request.body;
        if (body !== undefined && path.startsWith('/rest/api/3/search/jql')) {
          const parsed = JSON.parse(body) as { jql: string };
          body = JSON.stringify({ ...parsed, jql: rewrite(parsed.jql) });
        }
        return fetch(`${site.url}${path}`, {
          method: request.method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body } : {}),
        });
      },
    };
    return new JiraClient(transport, { sleep: async () => undefined });
  };
  const audit = async (client: JiraClient) => {
    const progress: AuditReadProgress[] = [];
    const result = await auditJiraProject(client, 'PAY', {
      now: '2026-12-01T00:00:00.000Z',
      suppressions: [],
      onProgress: (p) => void progress.push(p),
    });
    const keys = result.findings.flatMap((f) => f.entities.storyKeys ?? []);
    return { result, keys, storiesRead: progress.at(-1)!.stories };
  };

  it('drops what a search answers from another project, before progress and coverage', async () => {
    const honest = await audit(appClient());
    // As if the scope JQL had escaped `project = "PAY" AND (...)`.
    const escaped = await audit(appClient((jql) => jql.replaceAll('project = "PAY"', 'project in ("PAY", "OPS")')));
    expect(escaped.keys.filter((k) => k.startsWith('OPS-'))).toEqual([]);
    expect(escaped.result.coverage).toEqual(honest.result.coverage);
    expect(escaped.storiesRead).toBe(honest.storiesRead);
  });

  it('ignores a hostile scope JQL written into the project property past the settings page', async () => {
    const pay = site.store.all('project').find((p) => p.key === 'PAY')!;
    // A copy: the seeded value shares objects with the app's defaults.
    const stored = structuredClone(site.store.get('projectProperty', `${pay.id}/${META_KEY}`)!);
    const meta = stored.value as { settings: { storyCoverage: { scopeJql: string } } };
    meta.settings.storyCoverage.scopeJql = 'labels = a\\" ))) OR project = OPS OR (((labels = "x\\" "';
    site.store.put('projectProperty', `${pay.id}/${META_KEY}`, stored);
    const { result, keys } = await audit(appClient());
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/backslash only inside quotes/);
    expect(keys.filter((k) => k.startsWith('OPS-'))).toEqual([]);
    expect(result.coverage).toEqual({ withClauses: 9, needing: 18 });
  });
});
