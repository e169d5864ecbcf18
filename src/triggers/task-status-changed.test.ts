import { startLocalApp, type LocalApp } from '../../local/local-app';
import { runAs } from '../../local/forge/runtime';
import { restAs, restAsApp } from '../../test/support/local-site';
import { siteClient } from '../../test/support/jira-clients';
import { readRiskHistory } from '../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../jira/threat-model/threat-model-repository';
import { resolver } from '../index';
import { recordRiskPoint } from '../app/threat-model/record-risk-point';
import { APP_ACCOUNT_ID } from '../../local/site/base-data';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('a mitigation task’s status flows back as residual risk', () => {
  let app: LocalApp;
  beforeAll(async () => {
    // The whole local app: product events reach the manifest's trigger through the host.
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo' });
  });
  afterAll(() => app.close());

  const invoke = (functionKey: string, payload: unknown) =>
    runAs({ accountId: '712020:alice', moduleKey: 'project-page' }, () =>
      resolver(
        { call: { functionKey, payload }, context: { accountId: '712020:alice', extension: onProject } } as never,
        { principal: { accountId: '712020:alice' } } as never,
      ),
    ) as Promise<{ ok: boolean; data?: { task?: { key: string } } }>;
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await app.host.idle();
  };

  it('moves the mitigation to implemented when its task is done, back when it is reopened, and records risk', async () => {
    await invoke('mitigation/add', {
      draft: {
        title: 'Subresource integrity and a strict CSP on checkout',
        addresses: [{ threatId: 'T-1', strength: 75 }],
      },
    });
    const created = await invoke('mitigation/create-task', { mitigationId: 'M-6' });
    const taskKey = created.data?.task?.key ?? '';
    await settle();
    const bob = restAs(app.site, 'bob');
    await bob('POST', `/rest/api/3/issue/${taskKey}/transitions`, { transition: { id: '41' } });
    await settle();
    const model = (await readThreatModel(siteClient(app.site), 'PAY')).model;
    expect(model.mitigations.find((m) => m.id === 'M-6')).toMatchObject({
      status: 'implemented',
      task: { key: taskKey },
    });
    const history = await readRiskHistory(siteClient(app.site), 'PAY');
    // The demo has 90 days of history up to yesterday; the change added today's point.
    expect(history.points).toHaveLength(91);
    const before = history.points.at(-1)!;
    expect(before.date).toBe(new Date().toISOString().slice(0, 10));

    await bob('POST', `/rest/api/3/issue/${taskKey}/transitions`, { transition: { id: '21' } });
    await settle();
    const reopened = (await readThreatModel(siteClient(app.site), 'PAY')).model;
    expect(reopened.mitigations.find((m) => m.id === 'M-6')?.status).toBe('in-progress');
    const after = (await readRiskHistory(siteClient(app.site), 'PAY')).points.at(-1)!;
    // T-1 (4 × 5 = 20) loses 75% while the task is done, and gets it back when reopened.
    expect(after.now - before.now).toBeCloseTo(20 * 0.75);
  });

  it('ignores the app’s own changes to a task', async () => {
    const before = (await readThreatModel(siteClient(app.site), 'PAY')).model.mitigations.find((m) => m.id === 'M-3');
    expect(before).toMatchObject({ status: 'accepted', task: { key: 'PAY-22' } });
    const token = app.site.auth.issueForgeToken(APP_ACCOUNT_ID);
    const moved = await fetch(`${app.site.url}/rest/api/3/issue/PAY-22/transitions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ transition: { id: '41' } }),
    });
    expect(moved.status).toBe(204);
    await settle();
    const after = (await readThreatModel(siteClient(app.site), 'PAY')).model.mitigations.find((m) => m.id === 'M-3');
    expect(after?.status).toBe('accepted');
    expect(after?.revision).toBe(before?.revision);
  });

  it('ignores updates that are not status changes', async () => {
    const log = app.site.log.mark();
    await restAs(app.site, 'bob')('PUT', '/rest/api/3/issue/PAY-3', { fields: { labels: ['x'] } });
    await settle();
    expect(app.site.log.since(log).filter((r) => r.principal === 'app')).toEqual([]);
  });

  it('does not follow a task under a security level: the model and the history are read by people outside it', async () => {
    await invoke('mitigation/add', {
      draft: { title: 'Tokenise card numbers in the vault', addresses: [{ threatId: 'T-1', strength: 50 }] },
    });
    const model0 = (await readThreatModel(siteClient(app.site), 'PAY')).model;
    const id = model0.mitigations.find((m) => m.title === 'Tokenise card numbers in the vault')!.id;
    const created = await invoke('mitigation/create-task', { mitigationId: id });
    const taskKey = created.data?.task?.key ?? '';
    await settle();
    const alice = restAs(app.site, 'alice');
    // PAY's "Security team" level: alice is in it, bob and carol are not.
    expect((await alice('PUT', `/rest/api/3/issue/${taskKey}`, { fields: { security: { id: '10100' } } })).status).toBe(
      204,
    );
    await settle();
    // Today's point as the daily run records it (the app reads the recorded tasks), before and after.
    const dailyPoint = async () => {
      await recordRiskPoint(siteClient(app.site), 'PAY', new Date().toISOString());
      return (await readRiskHistory(siteClient(app.site), 'PAY')).points.at(-1)!;
    };
    const before = await dailyPoint();
    expect((await alice('POST', `/rest/api/3/issue/${taskKey}/transitions`, { transition: { id: '41' } })).status).toBe(
      204,
    );
    await settle();
    const model = (await readThreatModel(siteClient(app.site), 'PAY')).model;
    // Followed, a done task would make it implemented (the first case above).
    expect(model.mitigations.find((m) => m.id === id)?.status).toBe('accepted');
    // Followed, the done task would take 50% of T-1's 20 off (the first case above); it counts for nothing.
    expect((await dailyPoint()).now).toBe(before.now);
  });

  it('follows nothing and fails nothing for a task under a level the app is not in (Jira’s default)', async () => {
    await invoke('mitigation/add', {
      draft: { title: 'Hash card numbers before logging', addresses: [{ threatId: 'T-1', strength: 50 }] },
    });
    const model0 = (await readThreatModel(siteClient(app.site), 'PAY')).model;
    const id = model0.mitigations.find((m) => m.title === 'Hash card numbers before logging')!.id;
    const taskKey = (await invoke('mitigation/create-task', { mitigationId: id })).data?.task?.key ?? '';
    await settle();
    // The level grants the Administrators role only, not atlassian-addons-project-access.
    const level = app.site.store.get('securityLevel', '10100')!;
    app.site.store.put('securityLevel', '10100', { ...level, roleIds: [10002] });
    const alice = restAs(app.site, 'alice');
    try {
      expect(
        (await alice('PUT', `/rest/api/3/issue/${taskKey}`, { fields: { security: { id: '10100' } } })).status,
      ).toBe(204);
      expect((await restAsApp(app.site)('GET', `/rest/api/3/issue/${taskKey}`)).status).toBe(404);
      const errors = jest.spyOn(console, 'error');
      const warnings = jest.spyOn(console, 'warn');
      expect(
        (await alice('POST', `/rest/api/3/issue/${taskKey}/transitions`, { transition: { id: '41' } })).status,
      ).toBe(204);
      await settle();
      expect(
        (await readThreatModel(siteClient(app.site), 'PAY')).model.mitigations.find((m) => m.id === id)?.status,
      ).toBe('accepted');
      expect(errors).not.toHaveBeenCalled();
      expect(warnings.mock.calls.flat().join(' ')).toMatch(/cannot be read by the app/);
      errors.mockRestore();
      warnings.mockRestore();
    } finally {
      app.site.store.put('securityLevel', '10100', level);
    }
  });
});
