import type { LocalSite } from '../../local/site/server';
import { removeDemoTasks, seedBenchModel } from '../../test/bench/bench-data';
import { resolverCaller } from '../../test/support/forge-invocation';
import { startTestSite } from '../../test/support/local-site';
import { callCost, okData, type CallCost } from '../../test/support/round-trips';
import type { ModelSeen, StoryView } from '../contract';
import { resolver } from '../index';

// Issue 20: the reads keep their demo budgets at 5,000 threats and 10,000 mitigations (146
// shards; past 64 every model read once took one more request and round trip). The model is read
// in ONE request whatever its size up to 192 shards (threat-model-repository.ts, FIRST_READ_SHARDS),
// and the Threat model tab's check for changes stays three small requests in one round trip.

const PAY_1 = '10000';
const project = { id: '10000', key: 'PAY' };
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_1 }, project };
const onProject = { type: 'jira:projectPage', project };
const onSettings = { type: 'jira:projectAdminPage', project };

describe('Jira requests and round trips per read at 5,000 threats and 10,000 mitigations', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = okData;
  const cost = (who: 'alice' | 'bob', key: string, payload: unknown, extension: object): Promise<CallCost> =>
    callCost(site, call, who, key, payload, extension);
  const within = (measured: CallCost, requests: number, roundTrips: number) => {
    expect(measured.requests).toBeLessThanOrEqual(requests);
    expect(measured.roundTrips).toBeLessThanOrEqual(roundTrips);
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    removeDemoTasks(site);
    const seeded = await seedBenchModel(
      site,
      { threats: 5000, mitigations: 10_000, tasks: 300, retiredShare: 0.02, seed: 20 },
      [],
    );
    expect(seeded.shards).toBeGreaterThan(64);
    ok<StoryView>(await call('bob', 'story/get', {}, onIssue)); // the site's field list, cached from here on
  }, 120_000);
  afterAll(() => site.close());

  it('story/get: the issue, the permissions and the model together, then the tasks it shows', async () => {
    within(await cost('bob', 'story/get', {}, onIssue), 5, 3);
  });

  it('threat-model/threats: a page of 50 in full', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `T-${i + 1}`);
    within(await cost('bob', 'threat-model/threats', { ids }, onProject), 2, 2);
  });

  it('threat-model/changes: the meta, one search and one count, side by side', async () => {
    const seen = ok<{ seen: ModelSeen }>(await call('bob', 'threat-model/get', {}, onProject)).seen;
    expect(seen.issues).toBeGreaterThan(0);
    within(await cost('bob', 'threat-model/changes', seen, onProject), 3, 1);
  });

  it('sprint/get (the demo sprint of 5 stories)', async () => {
    const sprint = site.store.all('sprint').find((s) => s.state === 'active')!.id;
    const onSprint = { type: 'jira:sprintAction', sprint: { id: sprint }, board: { id: 1 }, project };
    within(await cost('bob', 'sprint/get', {}, onSprint), 5, 2);
  });

  it('audit/get, settings/get, interchange/access, verification/get', async () => {
    within(await cost('bob', 'audit/get', {}, onProject), 4, 2);
    within(await cost('alice', 'settings/get', {}, onSettings), 6, 1);
    within(await cost('bob', 'interchange/access', {}, onProject), 3, 3);
    within(await cost('bob', 'verification/get', {}, onProject), 3, 2);
  });
});
