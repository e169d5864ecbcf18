import { benchInterchange } from '../bench/interchange-bench';

// The acceptance of a large import, as `npm run bench` measures it: a 1,000-threat Threat Composer
// file (and as many mitigations) goes through the page's resolvers within Forge's limits.
describe('importing a 1,000-threat file', () => {
  it('fits the invoke payload, answers within 5 MB, writes the model in a few requests, and adds nothing the second time', async () => {
    const bench = await benchInterchange(() => undefined, 1000);
    expect(bench.withinLimits).toBe(true);
    expect(bench.file.payloadKb).toBeLessThan(500);
    expect(bench.firstImport.created).toBe(2000);
    // The lease (create, read, delete), the model read, its shards and meta: never a request per record.
    expect(bench.firstImport.requests).toBeLessThanOrEqual(20);
    expect(bench.preview).toMatchObject({ writes: 0 });
    expect(bench.secondImport).toMatchObject({ created: 0, updated: 0 });
    // The second import writes nothing but its lease (the lock's create and delete).
    expect(bench.secondImport.writes).toBe(2);
    expect(bench.exportOtm.writes + bench.exportThreatComposer.writes).toBe(0);
    // The model exported as OTM imports whole into another project, within the same limits.
    expect(bench.otmImport.created).toBe(2000);
    expect(bench.otmImport.payloadKb).toBeLessThan(500);
  }, 120_000);
});
