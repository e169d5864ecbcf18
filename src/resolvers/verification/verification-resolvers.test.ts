import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import type { MonitoringView, SarifUploadResult, VerificationView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { resolver } from '../../index';
import { siteClient } from '../../../test/support/jira-clients';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const DEMO_SARIF = readFileSync(join(__dirname, '../../../local/site/seed/demo-codeql.sarif'), 'utf8');
type Who = 'alice' | 'bob' | 'carol';

describe('verification and hand-written detection events, through the resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: Envelope<T>): T => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const view = async (who: Who) =>
    ok((await call(who, 'verification/get', {}, onProject)) as Envelope<VerificationView>);
  const upload = (who: Who, text: string, fileName = 'codeql.sarif') =>
    call(who, 'verification/upload-sarif', { fileName, content: { encoding: 'text', text } }, onProject) as Promise<
      Envelope<SarifUploadResult>
    >;
  /** The app's writes of a call: what a permission check must come before. */
  const writesOf = async (run: () => Promise<unknown>) => {
    const mark = site.log.mark();
    await run();
    return site.log.since(mark).filter((r) => r.method !== 'GET' && !r.path.includes('/search'));
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('refuses carol (browse only) before anything is written, and a malformed file with file:line:col', async () => {
    let answer: Envelope<SarifUploadResult> | undefined;
    expect(await writesOf(async () => (answer = await upload('carol', DEMO_SARIF)))).toEqual([]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await writesOf(async () => (answer = await upload('bob', '{"version": "2.1.0", "runs": [', 'x.sarif'))),
    ).toEqual([]);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^x\.sarif:1:\d+: /) },
    });
    expect((await view('carol')).mitigations.find((m) => m.id === 'M-5')).toMatchObject({
      failed: false,
      latest: null,
    });
  });

  it('refuses carol before reading her file: a broken one is refused as hers to send, not parsed', async () => {
    // Found by a review: the file (up to 8 MB once inflated) was parsed before anyone was asked,
    // so anyone who could invoke the resolver made the app parse it, and was told about the file.
    expect(await upload('carol', '{"version": "2.1.0", "runs": [', 'x.sarif')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('records the demo CodeQL file for bob (an editor): M-5 failed verification, shown to everyone', async () => {
    let answer: Envelope<SarifUploadResult> | undefined;
    const writes = await writesOf(async () => (answer = await upload('bob', DEMO_SARIF)));
    // The lease (lock created, then deleted) and the shard that holds M-5.
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PUT .*without\.model\.shard\.0$/)]),
    );
    const result = ok(answer!);
    expect(result.failed).toEqual(['M-5']);
    expect(result.view.mitigations.find((m) => m.id === 'M-5')).toMatchObject({ failed: true });
    const forCarol = (await view('carol')).mitigations.find((m) => m.id === 'M-5')!;
    expect(forCarol.latest).toMatchObject({
      source: 'sarif',
      outcome: 'fail',
      recorded: { accountId: '712020:bob' },
    });
    expect((await view('carol')).canEdit).toBe(false);
  });

  it('records a note by hand from the revision the person saw, and refuses an evidence link that is not https', async () => {
    const m1 = (await view('bob')).mitigations.find((m) => m.id === 'M-1')!;
    const note = (evidence: string, baseRevision = m1.revision) =>
      call(
        'bob',
        'verification/record-note',
        { mitigationId: 'M-1', baseRevision, draft: { outcome: 'pass', evidence } },
        onProject,
      ) as Promise<Envelope<VerificationView>>;
    expect(await note('javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const saved = ok(await note('https://ci.example.com/scan/12'));
    expect(saved.mitigations.find((m) => m.id === 'M-1')?.latest).toMatchObject({
      source: 'manual',
      outcome: 'pass',
      evidence: 'https://ci.example.com/scan/12',
    });
    expect(await note('https://ci.example.com/scan/13', m1.revision)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('keeps the rule ids mapped by hand when the settings page saves an older copy of the settings', async () => {
    const unknown = await call(
      'bob',
      'verification/save-rules',
      { rules: [{ ruleId: 'js/xss', target: 'M-99' }] },
      onProject,
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('M-99') },
    });
    const settings = ok(
      (await call('alice', 'settings/get', {}, { ...onProject, type: 'jira:projectAdminPage' })) as Envelope<{
        settings: Record<string, unknown>;
      }>,
    ).settings;
    const rules = [{ ruleId: 'js/insecure-randomness', target: 'T-4' }];
    expect(
      ok((await call('bob', 'verification/save-rules', { rules }, onProject)) as Envelope<VerificationView>).rules,
    ).toEqual(rules);
    const saved = ok(
      (await call(
        'alice',
        'settings/save',
        { settings: { ...settings, taskIssueTypeName: 'Task' } },
        {
          ...onProject,
          type: 'jira:projectAdminPage',
        },
      )) as Envelope<{ settings: Record<string, unknown> }>,
    );
    expect(saved.settings.verificationRules).toEqual(rules);
    expect((await view('carol')).rules).toEqual(rules);
  });

  it('adds, edits and removes a detection event by hand, for editors only', async () => {
    const before = ok((await call('bob', 'monitoring/get', {}, onProject)) as Envelope<MonitoringView>);
    const t1 = before.withoutEvents.flatMap((g) => g.threats).find((t) => t.id === 'T-1')!;
    const draft = { title: 'Unknown script on checkout', signal: 'CSP violation reports for script-src' };
    let refused: unknown;
    expect(
      await writesOf(async () => {
        refused = await call(
          'carol',
          'monitoring/change-event',
          { kind: 'add', threatId: 'T-1', baseRevision: t1.revision, draft },
          onProject,
        );
      }),
    ).toEqual([]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const added = ok(
      (await call(
        'bob',
        'monitoring/change-event',
        { kind: 'add', threatId: 'T-1', baseRevision: t1.revision, draft },
        onProject,
      )) as Envelope<MonitoringView>,
    );
    const threat = added.threats.find((t) => t.id === 'T-1')!;
    expect(threat.events).toMatchObject([{ id: 'E-1', origin: 'manual', title: draft.title }]);
    const stale = await call(
      'bob',
      'monitoring/change-event',
      { kind: 'remove', threatId: 'T-1', baseRevision: t1.revision, eventId: 'E-1' },
      onProject,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const removed = ok(
      (await call(
        'bob',
        'monitoring/change-event',
        { kind: 'remove', threatId: 'T-1', baseRevision: threat.revision, eventId: 'E-1' },
        onProject,
      )) as Envelope<MonitoringView>,
    );
    expect(removed.threats.find((t) => t.id === 'T-1')).toBeUndefined();
  });

  it('refuses a note and the rules to carol (browse only), and to bob once the settings no longer name his role, before any write', async () => {
    const m1 = (await view('bob')).mitigations.find((m) => m.id === 'M-1')!;
    const note = (who: Who) =>
      call(
        who,
        'verification/record-note',
        { mitigationId: 'M-1', baseRevision: m1.revision, draft: { outcome: 'pass', evidence: '' } },
        onProject,
      );
    const rules = (who: Who) =>
      call(who, 'verification/save-rules', { rules: [{ ruleId: 'js/xss', target: 'M-1' }] }, onProject);
    const refused = async (run: () => Promise<unknown>) => {
      let answer: unknown;
      expect(await writesOf(async () => (answer = await run()))).toEqual([]);
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    };
    await refused(() => note('carol'));
    await refused(() => rules('carol'));
    const withEditorRoles = async (editorRoleIds: string[]) =>
      changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
        model: { ...model, settings: { ...model.settings, editorRoleIds } },
        result: undefined,
      }));
    const before = (await readThreatModel(siteClient(site), 'PAY')).model.settings.editorRoleIds;
    await withEditorRoles([]);
    try {
      await refused(() => note('bob'));
      await refused(() => rules('bob'));
    } finally {
      await withEditorRoles(before);
    }
    expect((await view('bob')).mitigations.find((m) => m.id === 'M-1')?.revision).toBe(m1.revision);
  });

  it('shows a stored evidence link that is not https as it is, to be shown as text (the UI checks it again)', async () => {
    await changeThreatModel(siteClient(site), 'PAY', 'test', (model) => ({
      model: {
        ...model,
        mitigations: model.mitigations.map((m) =>
          m.id === 'M-2'
            ? {
                ...m,
                verifications: [
                  {
                    source: 'manual' as const,
                    outcome: 'pass' as const,
                    evidence: 'javascript:alert(1)',
                    note: '',
                    recorded: { accountId: '712020:bob', at: '2026-11-30T10:00:00.000Z' },
                  },
                ],
              }
            : m,
        ),
      },
      result: undefined,
    }));
    const m2 = (await view('carol')).mitigations.find((m) => m.id === 'M-2');
    expect(m2?.latest).toMatchObject({ evidence: 'javascript:alert(1)' });
  });

  it('refuses a change that would make its threat too large to store, naming the threat and what to remove', async () => {
    // Text that does not compress: each event near its fields' limits (about 2,700 characters),
    // then acceptances with reasons of 1,000 characters, 20 of which the history keeps.
    const noise = (length: number) => [...randomBytes(length)].map((b) => String.fromCharCode(33 + (b % 94))).join('');
    const monitoring = async () => ok((await call('bob', 'monitoring/get', {}, onProject)) as Envelope<MonitoringView>);
    const t2Revision = async () => {
      const v = await monitoring();
      return [...v.threats, ...v.withoutEvents.flatMap((g) => g.threats)].find((t) => t.id === 'T-2')!.revision;
    };
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const attempts: Array<(baseRevision: number) => Promise<unknown>> = [
      ...Array.from({ length: 10 }, () => (baseRevision: number) => {
        const draft = {
          title: noise(200),
          signal: noise(1000),
          threshold: noise(300),
          responder: noise(200),
          firstSteps: noise(1000),
        };
        return call('bob', 'monitoring/change-event', { kind: 'add', threatId: 'T-2', baseRevision, draft }, onProject);
      }),
      ...Array.from({ length: 20 }, () => (baseRevision: number) => {
        const acceptance = { reason: noise(1000), until };
        return call('alice', 'threat-model/accept-risk', { id: 'T-2', baseRevision, acceptance }, onProject);
      }),
    ];
    let refused: Envelope<unknown> | undefined;
    for (const attempt of attempts) {
      const baseRevision = await t2Revision();
      let answer: Envelope<unknown> | undefined;
      const writes = await writesOf(async () => (answer = (await attempt(baseRevision)) as Envelope<unknown>));
      if (answer!.ok) continue;
      refused = answer;
      // Nothing of the model written: no shard, no meta (only the lease, taken and given back).
      expect(writes.filter((w) => /without\.model($|\.shard)/.test(w.path))).toEqual([]);
      break;
    }
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^T-2 .*(detection events|acceptance history)/) },
    });
  });
});
