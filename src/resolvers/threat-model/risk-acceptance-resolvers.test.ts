import type { LocalSite } from '../../../local/site/server';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { siteClient } from '../../../test/support/jira-clients';
import type { Envelope } from '../../domain/common/envelope';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const DAY = 24 * 60 * 60 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const REASON = 'Finance reconciles every settlement by hand';

describe('accepting and revoking a threat’s risk', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const model = async (who: 'alice' | 'bob' | 'carol') => {
    const answer = await readWholeModel(call, who, onProject);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const t6 = async () => (await model('carol')).threats.find((t) => t.id === 'T-6')!;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('lets a project administrator accept until a day within a year, and shows who, until when, in the model', async () => {
    const until = day(Date.now() + 30 * DAY);
    expect((await model('alice')).riskPolicy).toMatchObject({ canAccept: true, tolerance: 80, aboveTolerance: true });
    const answer = (await call(
      'alice',
      'threat-model/accept-risk',
      { id: 'T-6', baseRevision: 1, acceptance: { reason: REASON, until } },
      onProject,
    )) as Envelope<ThreatView>;
    expect(answer).toMatchObject({
      ok: true,
      data: { id: 'T-6', revision: 2, acceptance: { accountId: '712020:alice', reason: REASON, until } },
    });
    expect(await t6()).toMatchObject({
      acceptanceState: 'accepted',
      acceptanceHistory: [{ action: 'accepted', accountId: '712020:alice', until }],
    });
  });

  it('refuses people the settings do not name, with a message, and writes nothing', async () => {
    expect((await model('bob')).riskPolicy.canAccept).toBe(false);
    const refused = await call('bob', 'threat-model/revoke-acceptance', { id: 'T-6', baseRevision: 2 }, onProject);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          "You can't accept or revoke risk in PAY. Project administrators and the roles named in the app's project settings (Risk) can.",
      },
    });
    expect((await t6()).revision).toBe(2);
  });

  it('says what is wrong with a date out of range or a reason too short', async () => {
    const late = await call(
      'alice',
      'threat-model/accept-risk',
      { id: 'T-6', baseRevision: 2, acceptance: { reason: REASON, until: day(Date.now() + 400 * DAY) } },
      onProject,
    );
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/at most 365 days/) },
    });
    const short = await call(
      'alice',
      'threat-model/accept-risk',
      { id: 'T-6', baseRevision: 2, acceptance: { reason: 'ok', until: day(Date.now() + 9 * DAY) } },
      onProject,
    );
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Say why the risk is acceptable, in at least 10 characters' },
    });
  });

  it('lets members of a role the risk settings name revoke it; the history keeps both', async () => {
    await changeThreatModel(siteClient(site), 'PAY', 'test', (m) => ({
      model: { ...m, settings: { ...m.settings, risk: { ...m.settings.risk, accepterRoleIds: ['10004'] } } },
      result: undefined,
    }));
    expect((await model('bob')).riskPolicy.canAccept).toBe(true);
    const revoked = (await call(
      'bob',
      'threat-model/revoke-acceptance',
      { id: 'T-6', baseRevision: 2, reason: 'The manual check stopped' },
      onProject,
    )) as Envelope<ThreatView>;
    expect(revoked.ok && revoked.data.acceptance).toBeUndefined();
    expect(await t6()).toMatchObject({
      acceptanceState: 'none',
      acceptanceHistory: [
        { action: 'accepted', accountId: '712020:alice' },
        { action: 'revoked', accountId: '712020:bob', reason: 'The manual check stopped' },
      ],
    });
  });
});
