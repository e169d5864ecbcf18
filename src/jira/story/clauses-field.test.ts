import { installForgeRuntime, runAs } from '../../../local/forge/runtime';
import { startLocalSite, type LocalSite } from '../../../local/site/server';
import { appClient, userClient } from '../client/clients';
import { clausesField } from './clauses-field';

// A warm Forge function instance may serve several installations one after the other. The
// app's field has a different id on each site, so the cached field list must never cross sites.
// https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
const clauses = { moduleKey: 'without-clauses', name: 'WITHOUT clauses', description: '', type: 'object' as const };
const otherApp = { moduleKey: 'other-app-field', name: 'Other app', description: '', type: 'string' as const };

describe('the clauses field of two sites served by one process', () => {
  let a: LocalSite;
  let b: LocalSite;
  beforeAll(async () => {
    a = await startLocalSite({ dataFile: ':memory:', app: { customFields: [clauses], indexedProperties: [] } });
    // Site B has another app's field first, so the WITHOUT clauses field has another id.
    b = await startLocalSite({
      dataFile: ':memory:',
      app: { customFields: [otherApp, clauses], indexedProperties: [] },
    });
    installForgeRuntime(a, 'ari:cloud:ecosystem::app/test');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const idOf = (site: LocalSite) => site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!.id;
  const on = (site: LocalSite, installationId: string, client: typeof userClient) =>
    runAs(
      { accountId: '712020:bob', moduleKey: 'test', installation: { site, installationId } },
      async () => (await clausesField(client())).id,
    );

  it('gives each site its own field id, in any order, and reads each site’s list once', async () => {
    expect(idOf(a)).not.toBe(idOf(b));
    const markA = a.log.mark();
    const markB = b.log.mark();
    expect(await on(a, 'site-a', userClient)).toBe(idOf(a));
    expect(await on(b, 'site-b', userClient)).toBe(idOf(b));
    expect(await on(a, 'site-a', appClient)).toBe(idOf(a));
    expect(await on(b, 'site-b', appClient)).toBe(idOf(b));
    const fieldReads = (site: LocalSite, mark: number) =>
      site.log.since(mark).filter((r) => r.path === '/rest/api/3/field').length;
    expect([fieldReads(a, markA), fieldReads(b, markB)]).toEqual([1, 1]);
  });
});
