import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_USERS, LOCAL_API_TOKEN } from './site/base-data';
import { startLocalApp } from './local-app';

// `npm start`: the local Jira site with the demo and the local Forge host, on one port.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    data: { type: 'string', default: '.local/site.db' },
    seed: { type: 'string', default: 'demo' },
    latency: { type: 'string', default: '0' },
    'rate-429': { type: 'string', default: '0' },
    'rate-500': { type: 'string', default: '0' },
    // A person (email) who has not yet allowed the app to act as them: the app's views show
    // Jira's "Allow access" prompt for them until they allow it. May be given several times.
    'without-consent': { type: 'string', multiple: true, default: [] },
  },
});

async function main(): Promise<void> {
  const seed = values.seed === 'none' ? 'none' : 'demo';
  if (values.data !== ':memory:') mkdirSync(path.dirname(path.resolve(values.data)), { recursive: true });
  const app = await startLocalApp({
    dataFile: values.data,
    port: Number(values.port),
    seed,
    withoutConsent: values['without-consent'],
    faults: {
      latencyMs: Number(values.latency),
      rate429: Number(values['rate-429']),
      rate500: Number(values['rate-500']),
    },
  });
  const lines = [
    '',
    `  Local Jira with Without for Jira is running at ${app.url}/`,
    '',
    `  Open ${app.url}/projects/PAY/backlog, or an issue such as ${app.url}/browse/PAY-1`,
    `  Data: ${path.resolve(values.data)} (kept across restarts; delete it to start over)`,
    '',
    '  Users (switch in the top bar; REST API: basic auth with the email and this token):',
    ...DEMO_USERS.map((u) => `    ${u.email.padEnd(20)} ${LOCAL_API_TOKEN}   ${u.displayName}`),
    '',
    `  Faults at run time: curl -X PUT ${app.url}/_local/faults -d '{"rate429":0.3}'`,
    '  Stop with Ctrl+C.',
    '',
  ];
  console.log(lines.join('\n'));
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
