import type { LocalSite } from '../../local/site/server';
import { VERIFICATION_PAGE, type VerificationView } from '../../src/contract';
import type { Envelope } from '../../src/domain/common/envelope';
import { resolver } from '../../src/index';
import { removeDemoTasks, seedBenchModel } from '../bench/bench-data';
import { resolverCaller } from '../support/forge-invocation';
import { startTestSite } from '../support/local-site';
import { measureCallAtScale } from '../support/round-trips';

// Issue 20: no resolver answer above 1 MB at 5,000 threats and 10,000 mitigations. The
// Verification tab answered every mitigation with every record and every threat and mitigation
// as a rule target: 4 MB here (804 KB at 1,000 threats). It answers a page of 50 now.

const MB = 1_000_000;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('the Verification tab at 5,000 threats and 10,000 mitigations', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const page = async (payload: unknown): Promise<{ view: VerificationView; size: number }> => {
    const envelope = (await call('bob', 'verification/get', payload, onProject)) as Envelope<VerificationView>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return { view: envelope.data, size: bytes(envelope) };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    removeDemoTasks(site);
    await seedBenchModel(site, { threats: 5000, mitigations: 10_000, tasks: 300, retiredShare: 0.02, seed: 11 }, []);
  }, 120_000);
  afterAll(() => site.close());

  it('answers a page of 50 mitigations in well under 1 MB, any page, in the same requests', async () => {
    let first!: { view: VerificationView; size: number };
    const cost = await measureCallAtScale(site, async () => {
      first = await page({});
    });
    expect(first.view.mitigations).toHaveLength(VERIFICATION_PAGE);
    expect(first.view.total).toBeGreaterThan(9000);
    expect(first.size).toBeLessThan(MB / 10);
    // The model (one request at 146 shards) beside the permissions, then the editors' role.
    expect(cost.requests).toBeLessThanOrEqual(3);
    expect(cost.roundTrips).toBeLessThanOrEqual(2);

    const last = Math.floor((first.view.total - 1) / VERIFICATION_PAGE) * VERIFICATION_PAGE;
    const end = await page({ offset: last });
    expect(end.view.shown.offset).toBe(last);
    expect(end.view.mitigations.length).toBe(first.view.total - last);
    expect(end.size).toBeLessThan(MB / 10);
    // An offset past the end shows the last page, not an empty one.
    expect((await page({ offset: 999_999 })).view.shown.offset).toBe(last);
    console.log(`verification/get at 5,000 threats: ${first.size} bytes a page; ${cost.requests} requests`);
  }, 60_000);
});
