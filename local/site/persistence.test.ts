import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adfText, restAs, startTestSite } from '../../test/support/local-site';

describe('the local site keeps its data in SQLite', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'local-site-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('still has everything written before a restart on the same file', async () => {
    const dataFile = path.join(dir, 'site.db');
    const first = await startTestSite({ dataFile, demo: true });
    const issuesBefore = first.store.count('issue');
    const alice = restAs(first, 'alice');
    const created = await alice('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'PAY' },
        issuetype: { name: 'Task' },
        summary: 'Rotate the PSP API key',
        description: adfText('Quarterly rotation.'),
      },
      properties: [{ key: 'without.task', value: { mitigationId: 'M-1' } }],
    });
    expect(created.status).toBe(201);
    const key = String(created.body?.key);
    await alice('PUT', '/rest/api/3/project/PAY/properties/without.threat-model', { revision: 3, threats: [] });
    await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { labels: ['security'] } });
    await first.close();

    const second = await startTestSite({ dataFile, demo: true });
    const again = restAs(second, 'alice');
    const issue = await again('GET', `/rest/api/3/issue/${key}?fields=summary,labels&properties=without.task`);
    expect(issue.status).toBe(200);
    expect(issue.body?.fields).toEqual({ summary: 'Rotate the PSP API key', labels: ['security'] });
    expect(issue.body?.properties).toEqual({ 'without.task': { mitigationId: 'M-1' } });
    const property = await again('GET', '/rest/api/3/project/PAY/properties/without.threat-model');
    expect(property.body).toEqual({ key: 'without.threat-model', value: { revision: 3, threats: [] } });
    // The demo seeds once: the restart did not add a second copy of the stories.
    const search = await again('POST', '/rest/api/3/search/jql', { jql: 'project = PAY', maxResults: 5000 });
    expect((search.body?.issues as unknown[]).length).toBe(issuesBefore + 1);
    await second.close();
  });

  it('loses nothing when two clients write at the same time', async () => {
    const site = await startTestSite({ dataFile: path.join(dir, 'site.db'), demo: true });
    const alice = restAs(site, 'alice');
    const bob = restAs(site, 'bob');
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? alice : bob)('POST', '/rest/api/3/issue', {
        fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: `Concurrent task ${i}` },
      }),
    );
    const labelWrites = ['a', 'b', 'c', 'd', 'e', 'f'].map((label, i) =>
      (i % 2 === 0 ? alice : bob)('PUT', '/rest/api/3/issue/PAY-1', { update: { labels: [{ add: label }] } }),
    );
    const propertyWrites = Array.from({ length: 10 }, (_, i) =>
      alice('PUT', `/rest/api/3/issue/PAY-2/properties/p${i}`, { i }),
    );
    const results = await Promise.all([...writes, ...labelWrites, ...propertyWrites]);
    expect(results.every((r) => r.status < 300)).toBe(true);

    const keys = new Set(results.slice(0, 40).map((r) => r.body?.key));
    expect(keys.size).toBe(40);
    const search = await alice('POST', '/rest/api/3/search/jql', {
      jql: 'project = PAY AND summary ~ "Concurrent"',
      maxResults: 100,
      fields: ['summary'],
    });
    expect((search.body?.issues as unknown[]).length).toBe(40);
    const labels = await alice('GET', '/rest/api/3/issue/PAY-1?fields=labels');
    expect((labels.body?.fields as { labels: string[] }).labels).toEqual(
      expect.arrayContaining(['a', 'b', 'c', 'd', 'e', 'f']),
    );
    const props = await alice('GET', '/rest/api/3/issue/PAY-2/properties');
    expect((props.body?.keys as unknown[]).length).toBe(10);
    await site.close();
  });
});
