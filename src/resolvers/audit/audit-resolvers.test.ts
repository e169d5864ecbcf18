import type { LocalSite } from '../../../local/site/server';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { addSecondProject } from '../../../test/support/second-project';
import { addFieldsToScreens } from '../../../local/site/routes/issue-fields';
import type { Envelope } from '../../domain/common/envelope';
import type { AuditProgress, AuditView } from '../../contract';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('audit resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let consumer: ReturnType<typeof queueConsumer>;
  const audit = async (who: 'alice' | 'bob' | 'carol', key: string, payload: unknown = {}) => {
    const answer = (await call(who, key, payload, onProject)) as Envelope<AuditView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const runAndWait = async (who: 'alice' | 'bob' | 'carol') => {
    const queued = await audit(who, 'audit/run');
    expect(['queued', 'running', 'done']).toContain(queued.run.state);
    await consumer.idle();
    return audit(who, 'audit/get');
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    consumer = queueConsumer(auditWorker, 'run-audit');
  });
  afterAll(() => site.close());

  it('has no result before the first run', async () => {
    const view = await audit('alice', 'audit/get');
    expect(view).toMatchObject({
      result: null,
      completedAt: null,
      run: { state: 'idle' },
      canRun: true,
      canSuppress: true,
    });
    expect(await audit('carol', 'audit/get')).toMatchObject({ canRun: true, canSuppress: false });
  });

  it('audits the demo project through the queue and finds each seeded gap', async () => {
    const view = await runAndWait('alice');
    expect(view.run.state).toBe('done');
    expect(view.problems).toEqual([]);
    expect(view.completedAt).not.toBeNull();
    const kinds = (kind: string) => view.result!.findings.filter((f) => f.kind === kind).map((f) => f.id);
    // PAY-4's clause names no threat; T-1 (Critical) has no mitigation at all; M-4 is proposed only.
    expect(kinds('clause-without-threat').some((id) => id.includes('PAY-4'))).toBe(true);
    expect(kinds('threat-without-mitigation')).toContain('threat-without-mitigation:T-1');
    expect(view.result!.findings.find((f) => f.id === 'threat-without-mitigation:T-1')).toMatchObject({
      severity: 'critical',
    });
    // T-1, the demo's one critical threat, has its two built-in STRIDE questions unanswered.
    expect(kinds('questions-unanswered')).toEqual(['questions-unanswered:T-1']);
    expect(view.result!.findings.find((f) => f.id === 'questions-unanswered:T-1')).toMatchObject({
      severity: 'critical',
      fix: { action: 'answer-questions', target: { threatId: 'T-1' } },
    });
    // Every story with clauses, and every issue of the types that count (Story, by default) without
    // them: the audit looks for the ones that need threat modeling.
    const field = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!;
    const storyType = site.store.all('issueType').find((t) => t.name === 'Story')!;
    const scanned = site.store
      .all('issue')
      .filter(
        (i) =>
          !i.properties['without.task'] &&
          ((i.customFields[field.id] !== null && i.customFields[field.id] !== undefined) ||
            i.issueTypeId === storyType.id),
      );
    expect(view.result!.scanned.stories).toBe(scanned.length);
    // The day's point of the risk history carries the audit's story coverage.
    const model = await readWholeModel(call, 'alice', onProject);
    const { withClauses, needing } = view.result!.coverage!;
    expect(model.ok && model.data.history.at(-1)?.coverage).toBe(Math.floor((withClauses / needing) * 100));
    expect(view.result!.counts.bySeverity.critical).toBeGreaterThan(0);
  });

  it('reports values broken through the REST API: a task property and a clauses field', async () => {
    const alice = restAs(site, 'alice');
    expect(
      (await alice('PUT', '/rest/api/3/issue/PAY-21/properties/without.task', { v: 2, mitigation: 'M-2' })).status,
    ).toBeLessThan(300);
    const field = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!;
    const pay7 = site.store.all('issue').find((i) => i.key === 'PAY-7')!;
    // The app field is writable only by the app on Jira Cloud; someone with the app's token could.
    site.store.put('issue', pay7.id, {
      ...pay7,
      customFields: { ...pay7.customFields, [field.id]: { clauses: 'oops' } },
    });
    const view = await runAndWait('alice');
    const task = view.result!.findings.find((f) => f.kind === 'invalid-task-property')!;
    expect(task).toMatchObject({ severity: 'high', entities: expect.objectContaining({ taskKeys: ['PAY-21'] }) });
    expect(task.message).toContain('PAY-21');
    const clauses = view.result!.findings.find((f) => f.kind === 'invalid-story-clauses')!;
    expect(clauses.entities.storyKeys).toEqual(['PAY-7']);
    expect(clauses.message).toContain('clauses');
  });

  it('reads the project in pages, never a request per story', async () => {
    const mark = site.log.mark();
    await runAndWait('alice');
    const requests = site.log.since(mark);
    const perIssue = requests.filter((r) => /\/rest\/api\/3\/issue\/\d+$/.test(r.path));
    expect(perIssue).toEqual([]);
    expect(requests.length).toBeLessThan(30);
  });

  it('lets bob (a security champion) suppress a finding with a reason, and shows who and why', async () => {
    const before = await audit('bob', 'audit/get');
    const target = before.result!.findings.find((f) => f.id === 'threat-without-mitigation:T-1')!;
    const after = await audit('bob', 'audit/suppress', {
      findingId: target.id,
      why: 'Accepted by the CISO until the Q1 PCI audit.',
    });
    const suppressed = after.result!.findings.find((f) => f.id === target.id)!;
    expect(suppressed.suppression).toMatchObject({
      by: '712020:bob',
      why: 'Accepted by the CISO until the Q1 PCI audit.',
    });
    expect(after.result!.totals.suppressed).toBe(before.result!.totals.suppressed + 1);
    expect(after.result!.counts.bySeverity.critical).toBe(before.result!.counts.bySeverity.critical - 1);
    // A new run keeps it suppressed.
    expect((await runAndWait('bob')).result!.findings.find((f) => f.id === target.id)!.suppression?.by).toBe(
      '712020:bob',
    );
    const undone = await audit('bob', 'audit/unsuppress', { findingId: target.id });
    expect(undone.result!.findings.find((f) => f.id === target.id)!.suppression).toBeUndefined();
  });

  it('answers progress from the status alone, in step with the view, and only to people who see the project', async () => {
    const progress = async () => {
      const answer = (await call('carol', 'audit/progress', {}, onProject)) as Envelope<AuditProgress>;
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.data;
    };
    const view = await runAndWait('alice');
    expect(await progress()).toEqual({ run: view.run, completedAt: view.completedAt });
    expect(view.completedAt).not.toBeNull();

    await audit('alice', 'audit/run');
    expect((await progress()).run.state).toMatch(/queued|running/);
    await consumer.idle();
    const after = await progress();
    expect(after.run.state).toBe('done');
    expect(after.completedAt).not.toBe(view.completedAt);

    const { project } = addSecondProject(site, 'PRG');
    const onOther = { type: 'jira:projectPage', project: { id: project.id, key: 'PRG' } };
    expect(await call('carol', 'audit/progress', {}, onOther)).toMatchObject({ ok: false });
  });

  it('refuses carol’s suppression and a too-short reason', async () => {
    expect(
      await call(
        'carol',
        'audit/suppress',
        { findingId: 'threat-without-mitigation:T-1', why: 'Because I say so, really.' },
        onProject,
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call('bob', 'audit/suppress', { findingId: 'threat-without-mitigation:T-1', why: 'short' }, onProject),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('fixes a clause without a threat by linking one, and the finding is gone after the new run, though search lags the write', async () => {
    const before = await audit('alice', 'audit/get');
    // Jira Cloud's search shows a write only later: the new run must name the story it fixed.
    site.faults.configure({ searchLagMs: 60_000 });
    const finding = before.result!.findings.find(
      (f) => f.kind === 'clause-without-threat' && f.entities.storyKeys.includes('PAY-4'),
    )!;
    await audit('alice', 'audit/link-threat', {
      issueKey: 'PAY-4',
      clauseId: finding.entities.clauseId,
      threatId: 'T-5',
    });
    await consumer.idle();
    const after = await audit('alice', 'audit/get');
    expect(after.result!.findings.map((f) => f.id)).not.toContain(finding.id);
    const story = await restAs(site, 'alice')('GET', '/rest/api/3/issue/PAY-4?fields=*all');
    expect(JSON.stringify(story.body)).toContain('T-5');
    site.faults.configure({ searchLagMs: 0 });
  });

  it('drops the unanswered-questions finding once bob answers T-1’s questions', async () => {
    const model = await readWholeModel(call, 'bob', onProject);
    if (!model.ok) throw new Error(model.error.message);
    const t1 = model.data.threats.find((t) => t.id === 'T-1')!;
    for (const questionKey of t1.questionKeys) {
      expect(
        await call(
          'bob',
          'threat-model/answer-question',
          {
            threatId: 'T-1',
            questionKey,
            answer: 'not-applicable',
            note: 'The page loads no third-party script.',
            expectedAt: null,
          },
          onProject,
        ),
      ).toMatchObject({ ok: true });
    }
    const view = await runAndWait('bob');
    expect(view.result!.findings.map((f) => f.id)).not.toContain('questions-unanswered:T-1');
  });

  it('neither changes nor audits a story Jira says is in another project (a moved issue keeps its old key)', async () => {
    const other = addSecondProject(site, 'MOVED');
    const story = site.store.issueByKey('PAY-1')!;
    const clauses = Object.values(story.customFields).find(
      (value): value is { clauses: Array<{ id: string }> } =>
        typeof value === 'object' && value !== null && 'clauses' in value,
    )!;
    const clauseId = clauses.clauses[0]!.id;
    // Jira moved PAY-1 to MOVED (whose admin put the field on its screens); its old key still opens it.
    addFieldsToScreens(site.store, other.project.id, [story.issueTypeId], Object.keys(story.customFields));
    site.store.put('issue', story.id, { ...story, projectId: other.project.id });
    const statusBefore = await restAs(site, 'alice')('GET', '/rest/api/3/project/PAY/properties/without.audit');
    const mark = site.log.mark();
    const answer = await call(
      'alice',
      'audit/link-threat',
      { issueKey: 'PAY-1', clauseId, threatId: 'T-5' },
      onProject,
    );
    // Refused before anything was written: the story's clauses are as they were, and no edit of it was sent.
    const edits = site.log
      .since(mark)
      .filter((r) => r.method === 'PUT' && /^\/rest\/api\/3\/issue\/[^/]+$/.test(r.path));
    const after = site.store.issueByKey('PAY-1')!;
    site.store.put('issue', story.id, story);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('MOVED') },
    });
    expect((answer as { error: { message: string } }).error.message).toContain('nothing was changed');
    expect(edits).toEqual([]);
    expect(after.customFields).toEqual(story.customFields);
    const statusAfter = await restAs(site, 'alice')('GET', '/rest/api/3/project/PAY/properties/without.audit');
    expect(statusAfter.body).toEqual(statusBefore.body);
  });

  it('refuses the fix to carol, who may not edit the story', async () => {
    expect(
      await call('carol', 'audit/link-threat', { issueKey: 'PAY-5', clauseId: 'x', threatId: 'T-5' }, onProject),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
