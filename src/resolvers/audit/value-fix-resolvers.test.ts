import type { LocalSite } from '../../../local/site/server';
import { okData } from '../../../test/support/round-trips';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { measureCall } from '../../../test/support/round-trips';
import type { AuditView, IssueValues } from '../../contract';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

// Issue 17: the findings about values someone wrote through the REST API, tasks of deleted
// mitigations and stories done too early each have a fix in the audit that removes them, as the
// person, over the value they were shown; carol (browse only) is refused each.
describe('the audit fixes for unreadable values, orphan tasks and stories done too early', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let consumer: ReturnType<typeof queueConsumer>;
  const answer = async <T>(who: 'alice' | 'bob' | 'carol', key: string, payload: unknown = {}) =>
    okData<T>(await call(who, key, payload, onProject));
  const findingIds = async () => (await answer<AuditView>('alice', 'audit/get')).result!.findings.map((f) => f.id);
  const audit = async () => {
    await answer('alice', 'audit/run');
    await consumer.idle();
    return findingIds();
  };
  const keysOf = async (jql: string) => {
    const answer = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', { jql, fields: ['summary'] });
    return ((answer.body?.issues ?? []) as Array<{ key: string }>).map((i) => i.key);
  };
  const property = async (key: string) =>
    (await restAs(site, 'alice')('GET', `/rest/api/3/issue/${key}/properties/without.task`)).body?.value;
  let m2Task: string; // M-2's task (done), recorded by the model
  let m3Task: string; // M-3's task (to do), recorded by the model
  let doneStory: string; // links T-2, which M-3 (accepted, its task to do) mitigates

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    consumer = queueConsumer(auditWorker, 'run-audit');
    const alice = restAs(site, 'alice');
    const bob = restAs(site, 'bob');
    m2Task = (await keysOf('project = PAY AND issue.property[without.task].mitigationId = "M-2"'))[0]!;
    m3Task = (await keysOf('project = PAY AND issue.property[without.task].mitigationId = "M-3"'))[0]!;
    doneStory = (await keysOf('project = PAY AND "WITHOUT clauses".threat = "T-2"'))[0]!;
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    // Each value written by hand through the REST API, as anyone who may edit an issue can.
    await bob('PUT', '/rest/api/3/issue/PAY-2', {
      fields: { [fieldId]: { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }], revision: 4 } },
    });
    await bob('PUT', `/rest/api/3/issue/${m3Task}/properties/without.task`, { v: 9, mitigation: 'M-3' });
    await bob('PUT', '/rest/api/3/issue/PAY-13', { update: { labels: [{ add: 'without-mitigation' }] } });
    await bob('PUT', `/rest/api/3/issue/${m2Task}/properties/without.task`, {
      v: 1,
      mitigationId: 'M-2',
      threatIds: ['T-5', 'T-98'],
      projectKey: 'PAY',
    });
    await bob('PUT', '/rest/api/3/issue/PAY-15/properties/without.task', {
      v: 1,
      mitigationId: 'M-99',
      threatIds: ['T-2'],
      projectKey: 'PAY',
    });
    await bob('PUT', '/rest/api/3/issue/PAY-3/properties/without.task', {
      v: 1,
      mitigationId: 'M-3',
      threatIds: ['T-2'],
      projectKey: 'PAY',
    });
    await bob('POST', `/rest/api/3/issue/${doneStory}/transitions`, { transition: { id: '41' } });
  });
  afterAll(() => site.close());

  it('finds each of them', async () => {
    expect(await audit()).toEqual(
      expect.arrayContaining([
        'invalid-story-clauses:PAY-2',
        `invalid-task-property:${m3Task}`,
        'invalid-task-property:PAY-13',
        `orphan-task:${m2Task}`,
        'orphan-task:PAY-15',
        'task-unrecorded:PAY-3',
        `story-done-unmitigated:${doneStory}`,
      ]),
    );
  });

  it('shows the raw values and which mitigation the model records the issue for', async () => {
    const m3 = await answer<IssueValues>('carol', 'audit/issue-values', { issueKey: m3Task });
    expect(m3.taskProperty.text).toContain('"v": 9');
    expect(m3.recordedFor).toMatchObject({ mitigationId: 'M-3', threatIds: ['T-2'] });
    const pay2 = await answer<IssueValues>('carol', 'audit/issue-values', { issueKey: 'PAY-2' });
    expect(pay2.clausesReadable).toBe(false);
    expect(pay2.clauses.text).toContain('not-a-threat');
    expect(pay2.recordedFor).toBeNull();
  });

  it('refuses carol (browse only) each fix, and writes nothing', async () => {
    const seen = (await answer<IssueValues>('carol', 'audit/issue-values', { issueKey: 'PAY-15' })).taskProperty;
    for (const [key, payload] of [
      ['audit/replace-clauses', { issueKey: 'PAY-2', fingerprint: 'x' }],
      ['audit/restore-task-property', { issueKey: m3Task, fingerprint: 'x' }],
      ['audit/release-task', { issueKey: 'PAY-15', fingerprint: seen.fingerprint }],
      ['audit/reopen-story', { issueKey: doneStory }],
    ] as const)
      expect(await call('carol', key, payload, onProject)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await property('PAY-15')).toMatchObject({ mitigationId: 'M-99' });
  });

  it('refuses a value that changed since it was shown, and never releases a task the model records', async () => {
    expect(
      await call('alice', 'audit/release-task', { issueKey: 'PAY-15', fingerprint: 'deadbeef-1' }, onProject),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const m3 = (await answer<IssueValues>('alice', 'audit/issue-values', { issueKey: m3Task })).taskProperty;
    expect(
      await call('alice', 'audit/release-task', { issueKey: m3Task, fingerprint: m3.fingerprint }, onProject),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('M-3') } });
    expect(await property(m3Task)).toEqual({ v: 9, mitigation: 'M-3' });
    expect(await property('PAY-15')).toMatchObject({ mitigationId: 'M-99' });
  });

  it('removes each finding with its fix, as the person', async () => {
    const seen = async (key: string) => answer<IssueValues>('bob', 'audit/issue-values', { issueKey: key });
    await answer('bob', 'audit/replace-clauses', {
      issueKey: 'PAY-2',
      fingerprint: (await seen('PAY-2')).clauses.fingerprint,
    });
    for (const key of [m3Task, m2Task])
      await answer('bob', 'audit/restore-task-property', {
        issueKey: key,
        fingerprint: (await seen(key)).taskProperty.fingerprint,
      });
    // Counted as the person (the audit worker runs beside the calls, as the app): showing a value
    // reads the issue and the model, side by side; releasing writes the label and the property.
    const asPerson = (lines: string[]) => lines.filter((l) => l.startsWith('user '));
    const showing = await measureCall(site, () => seen('PAY-15'));
    expect(asPerson(showing.lines).sort()).toEqual([
      'user GET /rest/api/3/issue/PAY-15',
      'user GET /rest/api/3/project/PAY',
    ]);
    const fingerprint = (await seen('PAY-15')).taskProperty.fingerprint;
    const releasing = await measureCall(site, () =>
      answer('bob', 'audit/release-task', { issueKey: 'PAY-15', fingerprint }),
    );
    const writes = asPerson(releasing.lines).filter((l) => !l.startsWith('user GET'));
    expect(writes).toEqual([
      expect.stringMatching(/^user PUT \/rest\/api\/3\/issue\/\d+$/),
      expect.stringMatching(/^user DELETE \/rest\/api\/3\/issue\/\d+\/properties\/without\.task$/),
    ]);
    // The check, the issue and the model before the write; the audit view after it.
    expect(asPerson(releasing.lines).length).toBeLessThanOrEqual(8);
    for (const key of ['PAY-13', 'PAY-3'])
      await answer('bob', 'audit/release-task', {
        issueKey: key,
        fingerprint: (await seen(key)).taskProperty.fingerprint,
      });
    await answer('bob', 'audit/reopen-story', { issueKey: doneStory });
    // Each fix queued a run, or found one under way: the last one is run here.
    const after = await audit();
    for (const id of [
      'invalid-story-clauses:PAY-2',
      `invalid-task-property:${m3Task}`,
      'invalid-task-property:PAY-13',
      `orphan-task:${m2Task}`,
      'orphan-task:PAY-15',
      'task-unrecorded:PAY-3',
      `story-done-unmitigated:${doneStory}`,
    ])
      expect(after).not.toContain(id);
    expect(await property(m3Task)).toEqual({ v: 1, mitigationId: 'M-3', threatIds: ['T-2'], projectKey: 'PAY' });
    expect(await property(m2Task)).toEqual({ v: 1, mitigationId: 'M-2', threatIds: ['T-5'], projectKey: 'PAY' });
    expect(await property('PAY-15')).toBeUndefined();
    const pay13 = (await restAs(site, 'alice')('GET', '/rest/api/3/issue/PAY-13?fields=labels')).body as {
      fields: { labels: string[] };
    };
    expect(pay13.fields.labels).not.toContain('without-mitigation');
  });
});
