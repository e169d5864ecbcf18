import path from 'node:path';
import { startLocalApp, type LocalApp } from '../../local/local-app';
import { addSecondProject } from '../../test/support/second-project';
import { siteClient } from '../../test/support/jira-clients';
import { readRiskHistory } from '../jira/threat-model/risk-history-repository';
import { dayOf } from '../domain/threat-model/risk-history';

// A scheduled trigger runs 55 s unless timeoutSeconds says otherwise, and Forge stops it there
// (https://developer.atlassian.com/platform/forge/limits-invocation/). Here the local host gives
// each invocation 800 ms, and recording every project's point takes longer than that.
const FIXTURE = path.resolve(__dirname, '../../test/fixtures/daily-risk-app');
const LIMIT_MS = 800;
const PROJECTS = 80;

describe('the daily risk trigger within its time', () => {
  let app: LocalApp;
  const logged: string[] = [];
  beforeAll(async () => {
    app = await startLocalApp({
      dataFile: ':memory:',
      seed: 'demo',
      root: FIXTURE,
      limits: { scheduledTriggerMs: LIMIT_MS, longRunningMaxMs: LIMIT_MS },
    });
    for (let i = 0; i < PROJECTS - 1; i++) addSecondProject(app.site, `R${String(i).padStart(2, '0')}`);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    logged.splice(0);
    const note = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    jest.spyOn(console, 'error').mockImplementation(note);
    jest.spyOn(console, 'log').mockImplementation(note);
  });
  afterEach(() => jest.restoreAllMocks());

  const keys = () => app.site.store.all('project').map((p) => p.key);
  const today = () => dayOf(new Date().toISOString());
  const withTodaysPoint = async () => {
    const client = siteClient(app.site);
    const done: string[] = [];
    for (const key of keys()) {
      const { points } = await readRiskHistory(client, key);
      if (points.some((p) => p.date === today())) done.push(key);
    }
    return done.sort();
  };

  it('stops each invocation before its limit and goes on through the queue until every project has its point', async () => {
    const started = Date.now();
    await expect(app.host.runScheduledTrigger('daily-risk')).resolves.toBeUndefined();
    // The continuations run after the scheduled run, each an invocation of its own.
    for (let i = 0; i < 200; i++) {
      await app.host.idle();
      await new Promise((resolve) => setTimeout(resolve, 20));
      if ((await withTodaysPoint()).length === PROJECTS) break;
    }
    expect(await withTodaysPoint()).toEqual([...keys()].sort());
    // More than one invocation was needed, and none was stopped by the host.
    expect(logged.filter((l) => l.includes('goes on after')).length).toBeGreaterThan(0);
    expect(logged.filter((l) => /timed out|failed/.test(l))).toEqual([]);
    expect(Date.now() - started).toBeGreaterThan(LIMIT_MS);
    // A chain of 800 ms invocations over 80 projects: seconds on a loaded 2-core machine.
  }, 60_000);
});
