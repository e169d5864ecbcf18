import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../../test/support/local-site';
import { siteClient } from '../../test/support/jira-clients';
import { connectionFlags, runCli } from '../../test/support/cli-run';
import { changeThreatModel } from '../jira/threat-model/threat-model-repository';
import type { RiskSettings } from '../domain/threat-model/risk-settings';

describe('without audit --fail-on tolerance (and errors)', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());
  const run = (...extra: string[]) => runCli(['audit', ...connectionFlags(site), ...extra]);
  const setRisk = (risk: Partial<RiskSettings>) =>
    changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
      model: { ...model, settings: { ...model.settings, risk: { ...model.settings.risk, ...risk } } },
      result: undefined,
    }));
  const riskOf = async () =>
    (JSON.parse((await run('--format', 'json', '--quiet')).stdout) as { risk: { now: number; tolerance: number } })
      .risk;

  it('exits 1 while the project risk is above its tolerance, 0 once it is not', async () => {
    const { now } = await riskOf();
    expect(now).toBeGreaterThan(10);

    await setRisk({ tolerance: Math.floor(now) - 1 });
    expect(await riskOf()).toMatchObject({ now, tolerance: Math.floor(now) - 1 });
    const above = await run('--fail-on', 'tolerance');
    expect(above.code).toBe(1);
    expect(above.stderr).toContain(`tolerance ${Math.floor(now) - 1} (standard exposure)`);

    await setRisk({ tolerance: Math.ceil(now) + 1 });
    expect((await run('--fail-on', 'tolerance', '--quiet')).code).toBe(0);
    // With a severity too, either one fails the run.
    expect((await run('--fail-on', 'tolerance,critical', '--quiet')).code).toBe(1);
  });

  it("uses the tier's default tolerance when the settings name none", async () => {
    await setRisk({ tolerance: null, tier: 'low' });
    expect((await riskOf()).tolerance).toBe(120);
    // The demo has none of the kinds a low tier counts as errors; a critical tier counts every kind.
    expect((await run('--fail-on', 'errors', '--quiet')).code).toBe(0);
    await setRisk({ tier: 'critical' });
    expect((await riskOf()).tolerance).toBe(40);
    expect((await run('--fail-on', 'tolerance', '--quiet')).code).toBe(1);
    expect((await run('--fail-on', 'errors', '--quiet')).code).toBe(1);
  });

  it('exits 2 on an unknown condition', async () => {
    const { code, stderr } = await run('--fail-on', 'tolerance,never', '--quiet');
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-on must be one of critical, high, medium, low, tolerance, errors (got "never")');
  });
});
