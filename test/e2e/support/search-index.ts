import type { LocalSite } from '../../../local/site/server';
import { restAs, type As } from '../../support/local-site';

/**
 * The keys a JQL search answers once Jira's index has caught up with a write. Jira Cloud's
 * search lags writes (the e2e stand-in lags them too, STRICT_SEARCH): a test that writes
 * through the REST API and then needs search to see it waits here, up to 10 s, instead of
 * assuming read-after-write consistency. Resolves with the last answer either way.
 */
export async function searchOnceIndexed(
  site: LocalSite,
  as: As,
  jql: string,
  until: (keys: string[]) => boolean,
): Promise<string[]> {
  const search = async () => {
    const answer = await restAs(site, as)('POST', '/rest/api/3/search/jql', { jql, fields: ['summary'] });
    return ((answer.body?.issues ?? []) as Array<{ key: string }>).map((i) => i.key);
  };
  let keys = await search();
  for (let tries = 0; !until(keys) && tries < 40; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    keys = await search();
  }
  return keys;
}
