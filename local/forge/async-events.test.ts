import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalApp, type LocalApp } from '../local-app';
import { Queue } from '@forge/events';
import { startLocalSite } from '../site/server';
import { queued } from '../../test/fixtures/trigger-app/src';
import { createForgeHost } from './host';
import { loadManifest } from './manifest';

// Forge calls a consumer's function with an AsyncEvent (@forge/events 2+): the pushed body plus
// queueName, jobId, eventId. The host does the same, and refuses the 1.x `resolver` shape.
// https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade

const ROOT = path.resolve(__dirname, '../..');
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('the AsyncEvent the host hands a consumer function', () => {
  it('is the pushed body plus queueName, jobId and eventId, with the installation in the context', async () => {
    const site = await startLocalSite({ dataFile: ':memory:' });
    try {
      const host = createForgeHost(site, loadManifest(path.join(ROOT, 'test/fixtures/trigger-app')));
      queued.splice(0);
      const { jobId } = await new Queue({ key: 'fixture-queue' }).push([{ body: { n: 1 } }, { body: { n: 2 } }]);
      await new Promise((r) => setImmediate(r));
      await host.idle();
      expect(queued.map((q) => q.event)).toEqual([
        { body: { n: 1 }, queueName: 'fixture-queue', jobId, eventId: expect.any(String) },
        { body: { n: 2 }, queueName: 'fixture-queue', jobId, eventId: expect.any(String) },
      ]);
      expect(queued[0]?.context).toMatchObject({ installContext: expect.stringMatching(/^ari:cloud:jira::site\//) });
    } finally {
      await site.close();
    }
  });
});

describe('async event consumers in the local host', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo' });
  });
  afterAll(() => app.close());

  const invoke = async (functionKey: string, payload: unknown) => {
    const response = await fetch(`${app.url}/forge/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'local_jira_user=712020%3Aalice' },
      body: JSON.stringify({
        moduleKey: 'project-page',
        functionKey,
        payload,
        context: { moduleKey: 'project-page', extension: onProject },
      }),
    });
    return (await response.json()) as { ok: boolean; body?: { ok: boolean; data?: Record<string, unknown> } };
  };

  it('runs the app’s audit consumer from the manifest, and the queued audit completes', async () => {
    const queued = await invoke('audit/run', {});
    expect(queued).toMatchObject({ ok: true, body: { ok: true } });
    await new Promise((r) => setImmediate(r));
    await app.host.idle();
    const view = await invoke('audit/get', {});
    expect(view.body?.data?.run).toEqual(expect.objectContaining({ state: 'done' }));
  }, 30_000);

  it('refuses a consumer in the @forge/events 1.x shape (resolver: {function, method})', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'old-consumer-'));
    const manifest = readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8').replace(
      /\n {6}function: audit-worker\n/,
      '\n      resolver:\n        function: audit-worker\n        method: run-audit\n',
    );
    expect(manifest).toContain('method: run-audit');
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'manifest.yml'), manifest);
    expect(() => loadManifest(root)).toThrow(/@forge\/events 1\.x/);
  });
});
