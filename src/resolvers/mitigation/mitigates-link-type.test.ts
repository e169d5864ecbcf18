import type { LocalSite } from '../../../local/site/server';
import { tlsMitigation } from '../../../test/support/mitigation-drafts';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { okData } from '../../../test/support/round-trips';
import type { MitigationView } from '../../contract';
import { resolver } from '../../index';
import { mitigatesLinkType } from '../../jira/mitigation/mitigation-task-repository';
import { hookedClient } from '../../../test/support/hooked-client';

// An issue link type is site-wide configuration, which only a Jira administrator may change
// (the global "Administer Jira" permission). Found by an attacker's review: the app created the
// missing "Mitigates" type as itself for anyone creating a task, and brought it back after an
// administrator had deleted it. It is now created as the person, so Jira decides; others link
// the task with "Relates".

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const tls = tlsMitigation;

describe('the "Mitigates" link type of a task', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  /** A new mitigation of T-1 (whose stories are PAY-1 and PAY-2), and the task `who` creates for it. */
  const taskBy = async (who: 'alice' | 'bob', title: string) => {
    const added = okData<MitigationView>(
      await call('alice', 'mitigation/add', { draft: { ...tls, title } }, onProject),
    );
    const mitigation = okData<MitigationView>(
      await call(who, 'mitigation/create-task', { mitigationId: added.id }, onProject),
    );
    const issue = await restAs(site, 'alice')('GET', `/rest/api/3/issue/${mitigation.task!.key}?fields=issuelinks`);
    const links = (issue.body?.fields as { issuelinks: Array<{ type: { name: string } }> }).issuelinks;
    return [...new Set(links.map((l) => l.type.name))];
  };
  const linkTypes = () => site.store.all('linkType').map((t) => t.name);
  const linkTypeWrites = (mark: number) =>
    site.log
      .since(mark)
      .filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issueLinkType')
      .map((r) => `${r.principal} ${r.status}`);

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('is not created for someone who does not administer Jira: the task is linked with "Relates"', async () => {
    expect(linkTypes()).not.toContain('Mitigates');
    const mark = site.log.mark();
    expect(await taskBy('bob', 'Pin the payment API certificate')).toEqual(['Relates']);
    // Bob does not administer Jira (his permissions, read once for the call, say so): not asked at all.
    expect(linkTypeWrites(mark)).toEqual([]);
    expect(linkTypes()).not.toContain('Mitigates');
  });

  it('is created as a Jira administrator who creates a task, and used for everyone after', async () => {
    const mark = site.log.mark();
    expect(await taskBy('alice', 'Rotate the webhook signing secret')).toEqual(['Mitigates']);
    expect(linkTypeWrites(mark)).toEqual(['712020:alice 201']);
    expect(await taskBy('bob', 'Sign settlement exports')).toEqual(['Mitigates']);
  });

  it('is not brought back after an administrator deleted it', async () => {
    const mitigates = site.store.all('linkType').find((t) => t.name === 'Mitigates')!;
    site.store.delete('linkType', mitigates.id);
    expect(await taskBy('bob', 'Alert on refunds above the daily limit')).toEqual(['Relates']);
    expect(linkTypes()).not.toContain('Mitigates');
  });

  it('is used when another administrator created it between the look and the create (Jira answers 404)', async () => {
    expect(linkTypes()).not.toContain('Mitigates');
    const alice = hookedClient(
      site,
      (path, request, phase) => {
        if (phase === 'before' && request.method === 'POST' && path === '/rest/api/3/issueLinkType')
          site.store.put('linkType', '10999', {
            id: '10999',
            name: 'Mitigates',
            inward: 'is mitigated by',
            outward: 'mitigates',
          });
      },
      '712020:alice',
    );
    const mark = site.log.mark();
    expect(await mitigatesLinkType(alice, true)).toBe('Mitigates');
    expect(linkTypeWrites(mark)).toEqual(['712020:alice 404']);
  });
});
