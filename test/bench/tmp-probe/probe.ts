import { resolver } from '../../../src/index';
import { resolverCaller } from '../../support/forge-invocation';
import { startTestSite } from '../../support/local-site';
import { removeDemoTasks, seedBenchModel } from '../bench-data';

async function main() {
  const n = Number(process.argv[2] ?? 5000);
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    removeDemoTasks(site);
    await seedBenchModel(site, { threats: n, mitigations: n * 2, tasks: 300, retiredShare: 0.02, seed: 7 }, []);
    const call = resolverCaller(site, resolver);
    const t0 = performance.now();
    const answer = (await call('alice', 'threat-model/get', {}, { type: 'jira:projectPage', project: { key: 'PAY', id: '10000' } })) as any;
    console.error('ms', Math.round(performance.now() - t0));
    const v = answer.ok ? answer.data : answer;
    if (!answer.ok) { console.error(JSON.stringify(answer).slice(0, 500)); return; }
    console.error('total', JSON.stringify(answer).length);
    for (const [k, x] of Object.entries(v)) console.error(k, JSON.stringify(x).length);
    const row = v.threats[0];
    for (const [k, x] of Object.entries(row)) console.error('  row.' + k, JSON.stringify(x)?.length);
    const m = v.mitigations[0];
    console.error('mit sample', JSON.stringify(m));
  } finally { await site.close(); }
}
main();
