import { inflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../../local/site/server';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { okData } from '../../../test/support/round-trips';
import type { AuditView } from '../../contract';
import { auditWorker, resolver } from '../../index';

// The audit runs as the app, and the local site's app, like an app whose role a Jira administrator
// added to a security level, sees issues under a level. Its result is stored in project
// properties that anyone who may browse the project reads through the REST API: bob, a developer
// who is not in the level, must find none of a restricted story's text there, nor in the tab.

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const LEVEL = '10100'; // PAY's "Security team" level (local/site/security-levels.ts)

describe('the audit of a story under a security level', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let consumer: ReturnType<typeof queueConsumer>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    consumer = queueConsumer(auditWorker, 'run-audit');
  });
  afterAll(() => site.close());

  const runAudit = async () => {
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
  };
  /** The stored result as bob reads it through the REST API: every part, joined and inflated. */
  const storedResultAsBob = async (): Promise<string> => {
    const bob = restAs(site, 'bob');
    const status = (await bob('GET', '/rest/api/3/project/PAY/properties/without.audit')).body as {
      value: { complete: { slot: number; parts: number } };
    };
    const { slot, parts } = status.value.complete;
    const data: string[] = [];
    for (let i = 0; i < parts; i++) {
      const part = await bob('GET', `/rest/api/3/project/PAY/properties/without.audit.result.${slot}.${i}`);
      expect(part.status).toBe(200);
      data.push((part.body as { value: { data: string } }).value.data);
    }
    return inflateRawSync(Buffer.from(data.join(''), 'base64')).toString('utf8');
  };

  it('keeps none of its text in the stored result or the tab; bob cannot open it; the finding stays', async () => {
    // PAY-4's clause names no threat: a finding that quotes the story's summary and the clause.
    const story = site.store.issueByKey('PAY-4')!;
    const field = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!;
    const clauseText = (story.customFields[field.id] as { clauses: Array<{ text: string }> }).clauses[0]!.text;
    const summary = story.summary.slice(0, 60); // messages cut long summaries
    await runAudit();
    const before = await storedResultAsBob();
    // Control: without a level the result quotes them (so the checks below could fail).
    expect(before).toContain(summary);
    expect(before).toContain(clauseText);

    const alice = restAs(site, 'alice');
    expect((await alice('PUT', '/rest/api/3/issue/PAY-4', { fields: { security: { id: LEVEL } } })).status).toBe(204);
    expect((await restAs(site, 'bob')('GET', '/rest/api/3/issue/PAY-4')).status).toBe(404);
    await runAudit();

    const after = await storedResultAsBob();
    expect(after).not.toContain(summary);
    expect(after).not.toContain(clauseText);
    for (const who of ['bob', 'alice'] as const) {
      const view = okData<AuditView>(await call(who, 'audit/get', {}, onProject));
      const finding = view.result!.findings.find((f) => f.kind === 'clause-without-threat' && f.id.includes(':PAY-4:'));
      expect(finding?.message).toBe(
        'WITHOUT clause linked to no threat: PAY-4. PAY-4 has a security level, so the audit keeps no text of it: open it in Jira to see the details.',
      );
      expect(JSON.stringify(view)).not.toContain(summary);
    }
  });
});
