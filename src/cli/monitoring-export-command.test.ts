import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { siteClient } from '../../test/support/jira-clients';
import { connectionFlags, runCli } from '../../test/support/cli-run';
import { changeDetectionEvents } from '../domain/monitoring/manual-events';
import type { MonitoringSpec } from '../domain/monitoring/monitoring-spec';
import { findThreat } from '../domain/threat-model/threat-model';
import { changeThreatModel } from '../jira/threat-model/threat-model-repository';

describe('without monitoring export', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    // An event written by hand on T-1, which came from no knowledge base.
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => {
      const { revision } = findThreat(model, 'T-1');
      const draft = {
        title: 'Checkout page loads an unknown script',
        signal: 'CSP violation reports for script-src on /checkout',
        threshold: 'any report from a new origin',
        responder: 'On-call web engineer',
        firstSteps: 'Block the origin in the CSP; check the card form for changes.',
      };
      const changed = changeDetectionEvents(
        model,
        { kind: 'add', threatId: 'T-1', baseRevision: revision, draft },
        {
          accountId: '712020:alice',
          now: '2026-11-23T10:00:00.000Z',
        },
      );
      return { model: changed.model, result: undefined };
    });
  });
  afterAll(() => site.close());
  const run = (...extra: string[]) =>
    runCli(['monitoring', 'export', ...connectionFlags(site, { email: 'bob@example.com' }), ...extra]);

  it('prints the specification as JSON: template events and events written by hand', async () => {
    const { code, stdout, stderr } = await run('--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const spec = JSON.parse(stdout) as MonitoringSpec;
    expect(spec).toMatchObject({ format: 'without-monitoring/1', projectKey: 'PAY' });
    expect(spec.threats.map((t) => t.id)).toEqual(['T-1', 'T-5', 'T-9']);
    expect(spec.threats[0]).toMatchObject({
      id: 'T-1',
      template: null,
      events: [
        {
          id: 'E-1',
          origin: 'manual',
          title: 'Checkout page loads an unknown script',
          threshold: 'any report from a new origin',
          responder: 'On-call web engineer',
          task: null,
        },
      ],
    });
    expect(spec.counts).toEqual({ threats: 3, events: 4 });
    expect(spec.threats[1]?.template).toBe('Web applications and APIs (WEB-S-01)');
  });

  it('prints it as Markdown', async () => {
    const { code, stdout } = await run('--format', 'md');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Monitoring specification: PAY\n/);
    expect(stdout).toContain('## T-1 Card details skimmed by a malicious script on the checkout page');
    expect(stdout).toContain('#### Checkout page loads an unknown script (E-1, written by hand)');
    // What people wrote is escaped as the report escapes it: "On\-call" renders as On-call.
    expect(stdout).toContain('- **Who responds:** On\\-call web engineer');
    expect(stdout).toContain('## T-5 ');
  });

  it('exits 2 on a bad format or a wrong token', async () => {
    expect((await run('--format', 'xml')).code).toBe(2);
    const { code, stderr } = await runCli([
      'monitoring',
      'export',
      ...connectionFlags(site, { email: 'bob@example.com', token: 'nope' }),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('did not accept the email and API token (401)');
  });
});
