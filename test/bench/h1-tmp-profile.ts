// Temporary profiling script (H1): create-threat's own time at N threats.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { resolver } from '../../src/index';
import { resolverCaller } from '../support/forge-invocation';
import { startTestSite } from '../support/local-site';
import { cardInTransit } from '../support/threat-edits';
import { seedBenchModel } from './bench-data';
import { ForgeFetchTap } from './forge-replay';

async function main() {
  const threats = Number(process.argv[2] ?? 5000);
  const runs = Number(process.argv[3] ?? 7);
  const key = process.argv[4] ?? 'threat-model/create-threat';
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  await seedBenchModel(site, { threats, mitigations: 2 * threats, tasks: 10, retiredShare: 0.02, seed: 1 }, []);
  const call = resolverCaller(site, resolver);
  const tap = new ForgeFetchTap();
  const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
  await call('bob', 'threat-model/get', {}, onProject);
  const times: number[] = [];
  const session = new Session();
  session.connect();
  if (process.env.PROF) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let i = 0; i < runs; i++) {
    const payload =
      key === 'mitigation/add'
        ? {
            draft: {
              title: `M ${i}`,
              implementation: 'x',
              verification: 'y',
              controlType: 'preventive',
              addresses: [{ threatId: 'T-1', strength: 50 }],
            },
          }
        : { draft: { ...cardInTransit, title: `Card ${i}` } };
    tap.reset('timed');
    const started = performance.now();
    const answer = (await call('bob', key, payload, onProject)) as { ok: boolean; error?: unknown };
    const ms = performance.now() - started;
    if (!answer.ok) throw new Error(JSON.stringify(answer));
    times.push(Math.round((ms - tap.jiraMs) * 10) / 10);
    tap.reset('live');
  }
  if (process.env.PROF) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROF, JSON.stringify(profile));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${key} at ${threats}: app ms ${times.join(', ')}; median ${sorted[Math.floor(sorted.length / 2)]}`);
  await site.close();
}
void main();
