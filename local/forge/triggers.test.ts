import path from 'node:path';
import { startLocalSite, type LocalSite } from '../site/server';
import { seedDemo } from '../site/seed/demo';
import { APP_ACCOUNT_ID } from '../site/base-data';
import { createForgeHost, type ForgeHost } from './host';
import { loadManifest } from './manifest';
import { restAs } from '../../test/support/local-site';
import { received } from '../../test/fixtures/trigger-app/src';

describe('product events reach the manifest’s triggers', () => {
  let site: LocalSite;
  let host: ForgeHost;
  beforeAll(async () => {
    const manifest = loadManifest(path.resolve(__dirname, '../../test/fixtures/trigger-app'));
    site = await startLocalSite({ dataFile: ':memory:' });
    seedDemo(site.store);
    host = createForgeHost(site, manifest);
  });
  afterAll(() => site.close());
  beforeEach(() => received.splice(0));

  const settle = async () => {
    await new Promise((r) => setImmediate(r));
    await host.idle();
  };

  it('delivers issue created and updated, with the actor and the changed fields, to a function that can call Jira as the app', async () => {
    const bob = restAs(site, 'bob');
    const created = await bob('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Enforce TLS 1.2+' },
    });
    await bob('POST', `/rest/api/3/issue/${created.body?.key}/transitions`, { transition: { id: '41' } });
    await settle();
    expect(received.map((r) => [r.event.eventType, r.summary])).toEqual([
      ['avi:jira:created:issue', 'Enforce TLS 1.2+'],
      ['avi:jira:updated:issue', 'Enforce TLS 1.2+'],
    ]);
    expect(received[1]?.event).toMatchObject({
      atlassianId: '712020:bob',
      issue: { key: created.body?.key },
      changelog: { items: [{ field: 'status' }] },
    });
  });

  it('does not deliver the app’s own changes to a trigger that ignores itself', async () => {
    const token = site.auth.issueForgeToken(APP_ACCOUNT_ID);
    const response = await fetch(`${site.url}/rest/api/3/issue/PAY-1`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { labels: ['touched-by-app'] } }),
    });
    expect(response.status).toBe(204);
    await restAs(site, 'alice')('PUT', '/rest/api/3/issue/PAY-2', { fields: { labels: ['touched-by-alice'] } });
    await settle();
    expect(received.map((r) => (r.event.issue as { key: string }).key)).toEqual(['PAY-2']);
  });

  it('delivers issue links created and sprints started', async () => {
    const alice = restAs(site, 'alice');
    await alice('POST', '/rest/api/3/issueLink', {
      type: { name: 'Relates' },
      inwardIssue: { key: 'PAY-1' },
      outwardIssue: { key: 'PAY-2' },
    });
    const future = site.store.all('sprint').find((s) => s.state === 'future')!;
    const active = site.store.all('sprint').find((s) => s.state === 'active')!;
    await alice('POST', `/rest/agile/1.0/sprint/${active.id}`, { state: 'closed' });
    await alice('POST', `/rest/agile/1.0/sprint/${future.id}`, { state: 'active' });
    await settle();
    expect(received.map((r) => r.event.eventType)).toEqual(['avi:jira:created:issuelink', 'avi:jira:started:sprint']);
    expect(received[1]?.event).toMatchObject({ sprint: { id: future.id } });
  });
});
