import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { resolver } from '../../index';

// "Every title, description, clause ... goes through one rule" (README, Text people write).
// Knowledge-base templates become threats, mitigations and WITHOUT clauses, so an upload whose
// text holds a bidi override or a control character is refused, naming where (found by an
// attacker's review).

const RLO = '\u202E';
describe('text from a knowledge base', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('refuses an upload whose template title holds a bidi override or whose description holds a bell, and stores nothing', async () => {
    const call = resolverCaller(site, resolver as never);
    const title = `Card data ${RLO}txet nialp ni${'\u202C'} stored`;
    const kb = {
      format: 'without-kb/1',
      id: 'vendor-lib',
      name: 'Vendor library',
      version: '1',
      source: { format: 'without' },
      threats: [
        {
          id: 'V-1',
          title,
          description: `Bell\u0007 and ${RLO}x`,
          stride: ['I'],
          probability: 3,
          impact: 4,
          appliesWhen: { always: true },
        },
      ],
      mitigations: [{ id: 'VM-1', title: `Encrypt ${RLO}it`, addresses: [{ threatId: 'V-1', strength: 50 }] }],
    };
    const page = { type: 'jira:projectSettingsPage', project: { id: '10000', key: 'PAY' } };
    const before = (await readThreatModel(siteClient(site), 'PAY')).model;
    const up = (await call(
      'alice',
      'knowledge-base/upload',
      { fileName: 'vendor.json', format: 'auto', content: { encoding: 'text', text: JSON.stringify(kb) } },
      page,
    )) as Envelope<unknown>;
    expect(up).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(
          /^vendor\.json.*contains an invisible or control character \(U\+202E at character 11\)/s,
        ),
      },
    });
    const story = {
      type: 'jira:issuePanel',
      issue: { id: '10000', key: 'PAY-1' },
      project: { id: '10000', key: 'PAY' },
    };
    const accepted = (await call(
      'bob',
      'knowledge-base/accept',
      { knowledgeBaseId: 'vendor-lib', templateId: 'V-1', baseRevision: 1 },
      story,
    )) as Envelope<unknown>;
    expect(accepted).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await readThreatModel(siteClient(site), 'PAY')).model).toEqual(before);
  });
});
