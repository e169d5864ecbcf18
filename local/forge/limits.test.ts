import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalApp, type LocalApp } from '../local-app';
import { loadManifest } from './manifest';
import { backgroundTimeoutMs, FORGE_LIMITS, withDefaults } from './limits';
import { scheduleMs, seen } from '../../test/fixtures/limits-app/src';

// Forge's limits, enforced by the local host as Forge enforces them (tiny values here):
// https://developer.atlassian.com/platform/forge/limits-invocation/
const FIXTURE = path.resolve(__dirname, '../../test/fixtures/limits-app');

describe('the local Forge host enforces Forge’s limits', () => {
  let app: LocalApp;
  let site: LocalApp['site'];
  let host: LocalApp['host'];
  const errors: unknown[][] = [];
  beforeAll(async () => {
    app = await startLocalApp({
      dataFile: ':memory:',
      seed: 'demo',
      root: FIXTURE,
      limits: {
        resolverMs: 100,
        payloadBytes: 1024,
        responseBytes: 2048,
        scheduledTriggerMs: 100,
        longRunningMaxMs: 300,
      },
    });
    ({ site, host } = app);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    seen.splice(0);
    errors.splice(0);
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
  });
  afterEach(() => jest.restoreAllMocks());

  const invoke = async (functionKey: string, payload: unknown) => {
    const response = await fetch(`${site.url}/forge/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'limits-panel', functionKey, payload, context: {} }),
    });
    return (await response.json()) as { ok: boolean; body?: unknown; message?: string };
  };
  const settle = async (ms: number) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await host.idle();
  };

  it('defaults to Forge’s values', () => {
    expect(FORGE_LIMITS).toEqual({
      resolverMs: 25_000,
      payloadBytes: 500 * 1024,
      responseBytes: 5 * 1024 * 1024,
      scheduledTriggerMs: 55_000,
      longRunningMaxMs: 900_000,
    });
    const manifest = loadManifest(FIXTURE);
    const limits = withDefaults();
    expect(backgroundTimeoutMs(manifest, 'on-schedule', limits)).toBe(55_000);
    expect(backgroundTimeoutMs(manifest, 'on-schedule-long', limits)).toBe(120_000);
    expect(backgroundTimeoutMs(manifest, 'on-queued', limits)).toBe(900_000);
    expect(backgroundTimeoutMs(manifest, 'resolver', limits)).toBe(25_000);
  });

  it('rejects the invoke of a resolver that runs past its time, and stops the resolver', async () => {
    const answer = await invoke('sleep', { ms: 250 });
    expect(answer).toEqual({
      ok: false,
      message: "There was an error invoking the function - Function 'limits-panel' timed out after 0.10 seconds",
    });
    await settle(250);
    // It ran on, as a frozen function might, but its Jira call after its time never got through.
    expect(seen[0]?.lateCall).toBe('stopped');
  });

  it('counts the remaining time down for real', async () => {
    const answer = await invoke('sleep', { ms: 30 });
    expect(answer.ok).toBe(true);
    const [first, second] = seen[0]!.remaining;
    expect(first).toBeLessThanOrEqual(100);
    expect(first).toBeGreaterThan(50);
    expect(second).toBeLessThanOrEqual(first! - 25);
    expect(seen[0]?.lateCall).toBe('reached Jira');
  });

  it('refuses a payload or an answer over its size', async () => {
    expect(await invoke('echo', { text: 'x'.repeat(2000) })).toEqual({
      ok: false,
      message: 'There was an error invoking the function - The payload is too large (over 1 KB).',
    });
    expect(seen).toEqual([]);
    expect((await invoke('big', { bytes: 1000 })).ok).toBe(true);
    expect(await invoke('big', { bytes: 3000 })).toEqual({
      ok: false,
      message: 'There was an error invoking the function - The response is too large (over 2 KB).',
    });
  });

  it('stops a scheduled trigger at 55 s unless its function’s timeoutSeconds says otherwise', async () => {
    scheduleMs.current = 150;
    await expect(host.runScheduledTrigger('nightly')).rejects.toThrow("Function 'on-schedule' timed out after 0.10");
    // timeoutSeconds: 120, capped here at longRunningMaxMs (300 ms), so 150 ms is within it.
    await expect(host.runScheduledTrigger('nightly-long')).resolves.toBeUndefined();
    await settle(100);
    expect(seen.find((s) => s.name === 'onSchedule')?.lateCall).toBe('stopped');
    expect(seen.find((s) => s.name === 'onScheduleLong')?.remaining[0]).toBeGreaterThan(200);
  });

  it('stops an async event consumer at its timeoutSeconds (capped by the maximum)', async () => {
    expect((await invoke('queue', { ms: 50 })).ok).toBe(true);
    await settle(20);
    expect(seen.map((s) => s.name)).toEqual(['onQueued']);
    expect(seen[0]?.remaining[0]).toBeGreaterThan(200);
    expect(seen[0]?.lateCall).toBe('reached Jira');
    seen.splice(0);
    expect((await invoke('queue', { ms: 400 })).ok).toBe(true);
    await settle(450);
    expect(seen[0]?.lateCall).toBe('stopped');
    expect(errors.map((e) => String(e[0]))).toContain('[forge] consumer of limits-queue failed:');
  });

  it('refuses a manifest whose timeoutSeconds is over 900', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'limits-app-'));
    const yaml = readFileSync(path.join(FIXTURE, 'manifest.yml'), 'utf8').replace(
      'timeoutSeconds: 120',
      'timeoutSeconds: 901',
    );
    writeFileSync(path.join(dir, 'manifest.yml'), yaml);
    try {
      expect(() => loadManifest(dir)).toThrow('timeoutSeconds may be at most 900');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
