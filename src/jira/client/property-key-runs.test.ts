import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { getProjectProperties, PROPERTIES_LIST_CHARS, propertyKeyRuns } from './entity-properties';

// Reading many project properties at once: one URL holds only so many keys (a request line and
// headers past about 8 KB are refused), so a long list is asked in several requests side by side.

describe('reading many project properties', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  it('keeps every run of keys under the URL budget, in order, with nothing lost', () => {
    const keys = Array.from({ length: 600 }, (_, i) => `without.model.shard.${i}`);
    const runs = propertyKeyRuns(keys);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.flat()).toEqual(keys);
    for (const run of runs) expect(encodeURIComponent(run.join(',')).length).toBeLessThanOrEqual(PROPERTIES_LIST_CHARS);
    expect(propertyKeyRuns([])).toEqual([]);
  });

  it('answers 400 keys from parallel requests, each URL within the budget', async () => {
    const keys = Array.from({ length: 400 }, (_, i) => `without.test.${i}`);
    for (const i of [0, 199, 399])
      expect((await restAs(site, 'alice')('PUT', `/rest/api/3/project/PAY/properties/${keys[i]}`, { i })).status).toBe(
        201,
      );
    const mark = site.log.mark();
    const values = await getProjectProperties(siteClient(site), 'PAY', keys);
    expect(values).toEqual({ [keys[0]!]: { i: 0 }, [keys[199]!]: { i: 199 }, [keys[399]!]: { i: 399 } });
    const requests = site.log.since(mark);
    expect(requests.length).toBe(propertyKeyRuns(keys).length);
    expect(requests.length).toBeGreaterThan(1);
    // The URL as sent: path and query together stay under 5,000 characters (room for the headers below 8 KB).
    for (const r of requests) expect((r.path + r.query).length).toBeLessThan(5_000);
  });
});
