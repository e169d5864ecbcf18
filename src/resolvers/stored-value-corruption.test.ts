import { deflateRawSync } from 'node:zlib';
import { runAs } from '../../local/forge/runtime';
import type { LocalSite } from '../../local/site/server';
import { queueConsumer, resolverCaller } from '../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../test/support/local-site';
import type { Envelope } from '../domain/common/envelope';
import { aTeamKnowledgeBase } from '../../test/support/knowledge-base-mother';
import type { AuditView, SettingsView, ThreatModelView } from '../contract';
import { auditWorker, resolver } from '../index';
import { STATUS_KEY, SUPPRESSIONS_KEY } from '../jira/audit/audit-repository';
import { LIBRARY_KEY } from '../jira/knowledge-base/knowledge-base-repository';
import { RISK_HISTORY_KEY } from '../jira/threat-model/risk-history-repository';
import { onDailyRisk } from '../triggers/daily-risk';
import { onIssueUpdated } from '../triggers/task-status-changed';

// "Never overwrite what cannot be read" (DESIGN.md), as a matrix: each stored value the app keeps
// in project properties is broken through Jira's REST API, as a project admin could, then every
// writer of that value runs and every reader answers. A writer keeps the broken value byte for
// byte (the whole value, or the broken entries inside it) or is refused with a sentence naming the
// property; a reader answers with a problem, never an error. The audit's status and result are
// the app's own bookkeeping of a run anyone may repeat: a new run replaces them (jira/audit/audit-repository.ts).

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onSettings = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };
type Json = Record<string, unknown>;

interface Ctx {
  site: LocalSite;
  call: ReturnType<typeof resolverCaller>;
  consumer: ReturnType<typeof queueConsumer>;
  warnings: string[];
  /** The broken property's key (an audit result part's key depends on the slot of the run). */
  key: string;
}

const rest = (ctx: Ctx) => restAs(ctx.site, 'alice');
const readProperty = async (ctx: Ctx, key: string): Promise<unknown> =>
  (await rest(ctx)('GET', `/rest/api/3/project/PAY/properties/${key}`)).body?.value;
async function writeProperty(ctx: Ctx, key: string, value: unknown): Promise<void> {
  expect((await rest(ctx)('PUT', `/rest/api/3/project/PAY/properties/${key}`, value)).status).toBeLessThan(300);
}
const dataOf = <T>(answer: unknown): T => {
  const envelope = answer as Envelope<T>;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

// --- what the writers and readers are -----------------------------------------------------------

const kbFile = (id: string, version: string) => ({
  fileName: `${id}.json`,
  format: 'auto',
  content: { encoding: 'text', text: JSON.stringify(aTeamKnowledgeBase({ id, name: `${id} threats`, version })) },
});
const upload =
  (id: string, version = '2') =>
  (ctx: Ctx) =>
    ctx.call('alice', 'knowledge-base/upload', kbFile(id, version), onSettings);
const removeKb = (id: string) => (ctx: Ctx) => ctx.call('alice', 'knowledge-base/remove', { id }, onSettings);
const restoreKb = (id: string) => (ctx: Ctx) =>
  ctx.call('alice', 'knowledge-base/restore', { id, activate: true }, onSettings);
const suppress = (findingId: string) => (ctx: Ctx) =>
  ctx.call('bob', 'audit/suppress', { findingId, why: 'Accepted by the CISO until the Q1 PCI audit.' }, onProject);
const unsuppress = (findingId: string) => (ctx: Ctx) => ctx.call('bob', 'audit/unsuppress', { findingId }, onProject);
async function runAudit(ctx: Ctx): Promise<unknown> {
  const answer = await ctx.call('alice', 'audit/run', {}, onProject);
  await ctx.consumer.idle();
  return answer;
}
const trigger = (work: () => Promise<void>) => runAs({ accountId: '', moduleKey: 'trigger' }, work);
async function taskMoved(ctx: Ctx): Promise<void> {
  // PAY-22 is the demo's task of M-3: the threat model records it, so the trigger acts on it.
  const pay22 = ctx.site.store.all('issue').find((i) => i.key === 'PAY-22')!;
  await trigger(() => onIssueUpdated({ issue: { id: String(pay22.id) }, changelog: { items: [{ field: 'status' }] } }));
}
const dailyRisk = () => trigger(onDailyRisk);

const settingsProblems = async (ctx: Ctx) =>
  dataOf<SettingsView>(await ctx.call('alice', 'settings/get', {}, onSettings));
const auditProblems = async (ctx: Ctx) => dataOf<AuditView>(await ctx.call('bob', 'audit/get', {}, onProject));
const modelProblems = async (ctx: Ctx) =>
  dataOf<ThreatModelView>(await ctx.call('bob', 'threat-model/get', {}, onProject));

// --- the matrix ---------------------------------------------------------------------------------

/**
 * refused: a resolver answers INVALID_DATA with the sentence, a trigger logs a line; the stored
 * value is unchanged. kept: the write happens and every broken entry is still stored as it was.
 * replaced: the app's own bookkeeping is written over by the new run (audit status and result).
 */
type Outcome = { refused: RegExp } | 'kept' | 'replaced';

interface Writer {
  name: string;
  run: (ctx: Ctx) => Promise<unknown>;
  outcome: Outcome;
  /** For "kept": what the write changed, so it is known to have happened. */
  wrote?: (after: Json) => void;
}

interface Row {
  value: string;
  /** The valid state the project is in before the value is broken; answers the key to break. */
  prepare: (ctx: Ctx) => Promise<string>;
  corrupt: (stored: Json) => unknown;
  /** The list field whose broken entries must survive a write ("kept"), and which entries are the broken ones. */
  list?: { field: string; isBroken: (entry: Json) => boolean };
  writers: Writer[];
  read: (ctx: Ctx) => Promise<{ problems: string[] }>;
  problem: RegExp;
  /** What else the reader shows of the value. */
  readerShows?: (view: never) => void;
}

const kbRefusal =
  /^The list of uploaded knowledge bases \(without\.kb\.library\) cannot be read, so the app will not overwrite it\. Fix or delete that project property, then try again\.$/;
const suppressionsRefusal =
  /^The stored suppressions \(without\.audit\.suppressions\) cannot be read, so the app will not overwrite them\. Fix or delete that project property, then try again\.$/;
const historyRefusal = /without\.risk-history.*cannot be read.*was not recorded/;

async function twoUploads(ctx: Ctx): Promise<string> {
  dataOf(await upload('payments-team', '1')(ctx));
  dataOf(await upload('other-team', '1')(ctx));
  return LIBRARY_KEY;
}
async function oneSuppression(ctx: Ctx): Promise<string> {
  dataOf(await suppress('threat-without-mitigation:T-1')(ctx));
  return SUPPRESSIONS_KEY;
}
async function auditedPart(ctx: Ctx): Promise<string> {
  dataOf(await runAudit(ctx));
  const status = (await readProperty(ctx, STATUS_KEY)) as { complete: { slot: number } };
  return `without.audit.result.${status.complete.slot}.0`;
}
const deflated = (value: unknown) => ({
  v: 1,
  data: deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64'),
});
const resultWriters: Writer[] = [{ name: 'the audit worker (audit/run)', run: runAudit, outcome: 'replaced' }];
const unreadableResult = (view: AuditView) => expect(view).toMatchObject({ result: null, resultUnreadable: true });
const today = () => new Date().toISOString().slice(0, 10);
const hasToday = (after: Json) => expect((after.points as Json[]).map((p) => p.date)).toContain(today());
const historyWriters = (outcome: Outcome): Writer[] => [
  { name: 'the task-status trigger', run: taskMoved, outcome, wrote: hasToday },
  { name: 'the daily risk trigger', run: dailyRisk, outcome, wrote: hasToday },
];
const entry = (library: Json, id: string) => (library.entries as Json[]).find((e) => e.id === id);
const findingIds = (suppressions: Json) => (suppressions.list as Json[]).map((s) => s.findingId);

const ROWS: Row[] = [
  {
    value: 'knowledge-base library, container broken',
    prepare: twoUploads,
    corrupt: () => ({ v: 1, entries: 'oops' }),
    writers: [
      { name: 'knowledge-base/upload', run: upload('third-team'), outcome: { refused: kbRefusal } },
      { name: 'knowledge-base/remove', run: removeKb('payments-team'), outcome: { refused: kbRefusal } },
      { name: 'knowledge-base/restore', run: restoreKb('payments-team'), outcome: { refused: kbRefusal } },
    ],
    read: settingsProblems,
    problem: /^The list of uploaded knowledge bases \(without\.kb\.library\) is not valid/,
  },
  {
    value: 'knowledge-base library, one entry broken',
    prepare: twoUploads,
    corrupt: (stored) => ({
      ...stored,
      entries: (stored.entries as Json[]).map((e) => (e.id === 'other-team' ? { ...e, slot: 7 } : e)),
    }),
    list: { field: 'entries', isBroken: (e) => e.slot === 7 },
    writers: [
      {
        name: 'knowledge-base/upload of another id',
        run: upload('payments-team'),
        outcome: 'kept',
        wrote: (after) => expect(entry(after, 'payments-team')).toMatchObject({ version: '2' }),
      },
      {
        name: 'knowledge-base/remove of another id',
        run: removeKb('payments-team'),
        outcome: 'kept',
        wrote: (after) => expect(entry(after, 'payments-team')).toHaveProperty('removedAt'),
      },
      {
        name: 'knowledge-base/restore of another id',
        run: restoreKb('payments-team'),
        outcome: 'kept',
        wrote: (after) => expect(entry(after, 'payments-team')).toMatchObject({ version: '1' }),
      },
      {
        name: 'knowledge-base/upload of the broken id',
        run: upload('other-team'),
        outcome: {
          refused:
            /^The stored entry of the uploaded knowledge base "other-team" in without\.kb\.library cannot be read, so the app will not overwrite it\./,
        },
      },
      {
        name: 'knowledge-base/remove of the broken id',
        run: removeKb('other-team'),
        outcome: { refused: /"other-team" in without\.kb\.library cannot be read/ },
      },
    ],
    read: settingsProblems,
    problem:
      /^Uploaded knowledge base 2 \("other-team"\) in without\.kb\.library is not valid and is not listed \(slot: /,
    readerShows: (view: SettingsView) =>
      expect(view.knowledgeBases.map((k) => k.id)).toEqual(expect.arrayContaining(['web-and-api', 'payments-team'])),
  },
  {
    value: 'audit suppressions, container broken',
    prepare: oneSuppression,
    corrupt: () => ({ v: 1, list: { oops: true } }),
    writers: [
      { name: 'audit/suppress', run: suppress('threat-without-story:T-4'), outcome: { refused: suppressionsRefusal } },
      {
        name: 'audit/unsuppress',
        run: unsuppress('threat-without-mitigation:T-1'),
        outcome: { refused: suppressionsRefusal },
      },
    ],
    read: auditProblems,
    problem: /^The stored suppressions \(without\.audit\.suppressions\) are not valid/,
  },
  {
    value: 'audit suppressions, one entry broken',
    prepare: oneSuppression,
    corrupt: (stored) => ({
      ...stored,
      list: [
        { findingId: 'threat-without-story:T-9', why: 'ok', by: '712020:bob', at: 'yesterday' },
        ...(stored.list as Json[]),
      ],
    }),
    list: { field: 'list', isBroken: (e) => e.findingId === 'threat-without-story:T-9' },
    writers: [
      {
        name: 'audit/suppress',
        run: suppress('threat-without-story:T-4'),
        outcome: 'kept',
        wrote: (after) =>
          expect(findingIds(after)).toEqual([
            'threat-without-mitigation:T-1',
            'threat-without-story:T-4',
            'threat-without-story:T-9',
          ]),
      },
      {
        name: 'audit/unsuppress',
        run: unsuppress('threat-without-mitigation:T-1'),
        outcome: 'kept',
        wrote: (after) => expect(findingIds(after)).toEqual(['threat-without-story:T-9']),
      },
    ],
    read: auditProblems,
    problem:
      /^Suppression 1 \("threat-without-story:T-9"\) in without\.audit\.suppressions is not valid and is not applied/,
  },
  {
    value: 'audit result, a part broken',
    prepare: auditedPart,
    corrupt: () => ({ v: 1, text: 'no data' }),
    writers: resultWriters,
    read: auditProblems,
    problem: /^The last audit result cannot be read; run the audit again\.$/,
    readerShows: unreadableResult,
  },
  {
    value: 'audit result, not deflate',
    prepare: auditedPart,
    corrupt: () => ({ v: 1, data: Buffer.from('not deflate at all').toString('base64') }),
    writers: resultWriters,
    read: auditProblems,
    problem: /^The last audit result cannot be read; run the audit again\.$/,
    readerShows: unreadableResult,
  },
  {
    value: 'audit result, wrong schema',
    prepare: auditedPart,
    corrupt: () => deflated({ projectKey: 'PAY', generatedAt: 'now', findings: 'none' }),
    writers: resultWriters,
    read: auditProblems,
    problem: /^The last audit result cannot be read; run the audit again\.$/,
    readerShows: unreadableResult,
  },
  {
    value: 'audit status',
    prepare: async (ctx) => {
      dataOf(await runAudit(ctx));
      return STATUS_KEY;
    },
    corrupt: (stored) => ({ ...stored, state: 'exploded' }),
    writers: [{ name: 'audit/run', run: runAudit, outcome: 'replaced' }],
    read: auditProblems,
    problem: /^The stored audit status \(without\.audit\) is not valid; run the audit again\.$/,
    readerShows: (view: AuditView) =>
      expect(view).toMatchObject({ result: null, resultUnreadable: true, run: { state: 'idle' } }),
  },
  {
    value: 'risk history, container broken',
    prepare: async () => RISK_HISTORY_KEY,
    corrupt: () => ({ v: 1, points: 'oops' }),
    writers: historyWriters({ refused: historyRefusal }),
    read: modelProblems,
    problem: /^The risk history \(without\.risk-history\) is not valid/,
    readerShows: (view: ThreatModelView) => expect(view.history).toEqual([]),
  },
  {
    value: 'risk history, one point broken',
    prepare: async () => RISK_HISTORY_KEY,
    corrupt: (stored) => ({
      ...stored,
      points: (stored.points as Json[]).map((p, i) => (i === 10 ? { ...p, now: -5 } : p)),
    }),
    list: { field: 'points', isBroken: (p) => p.now === -5 },
    writers: historyWriters('kept'),
    read: modelProblems,
    problem: /^Risk point 11 \("\d{4}-\d{2}-\d{2}"\) in without\.risk-history is not valid and is not shown \(now: /,
    readerShows: (view: ThreatModelView) => expect(view.history.length).toBeGreaterThan(80),
  },
];

// --- the assertions -----------------------------------------------------------------------------

async function expectOutcome(ctx: Ctx, row: Row, writer: Writer, broken: unknown, answer: unknown): Promise<void> {
  const after = await readProperty(ctx, ctx.key);
  const { outcome } = writer;
  if (outcome === 'replaced') {
    dataOf(answer);
    if (ctx.key === STATUS_KEY) expect(after).toMatchObject({ v: 1, state: 'done' });
    else expect(JSON.stringify(after)).toBe(JSON.stringify(broken)); // the new result went to the other slot
    const view = await auditProblems(ctx);
    expect(view.problems).toEqual([]);
    expect(view.result?.findings.length).toBeGreaterThan(0);
    return;
  }
  if (outcome === 'kept') {
    if (answer !== undefined) dataOf(answer);
    const { field, isBroken } = row.list!;
    const badOnes = ((broken as Json)[field] as Json[]).filter(isBroken).map((e) => JSON.stringify(e));
    expect(badOnes).toHaveLength(1);
    expect(((after as Json)[field] as Json[]).map((e) => JSON.stringify(e))).toEqual(expect.arrayContaining(badOnes));
    writer.wrote?.(after as Json);
    expect(ctx.warnings).toEqual([]);
    return;
  }
  expect(JSON.stringify(after)).toBe(JSON.stringify(broken));
  if (answer === undefined) expect(ctx.warnings).toEqual([expect.stringMatching(outcome.refused)]);
  else
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATA', message: expect.stringMatching(outcome.refused) },
    });
}

const outcomeText = (outcome: Outcome): string =>
  outcome === 'kept'
    ? 'writes, and keeps the broken entry byte for byte'
    : outcome === 'replaced'
      ? 'replaces it (the app’s own bookkeeping of a run)'
      : 'is refused with a sentence, and the value is kept byte for byte';

/** A fresh demo site with the resolvers and the audit worker: every case starts from the same data. */
async function newCtx(): Promise<Ctx> {
  const site = await startTestSite({ demo: true });
  return {
    site,
    call: resolverCaller(site, resolver),
    consumer: queueConsumer(auditWorker, 'run-audit'),
    warnings: [],
    key: '',
  };
}

describe.each(ROWS)('a stored value broken through the REST API: $value', (row) => {
  let ctx: Ctx;
  let broken: unknown;

  beforeEach(async () => {
    ctx = await newCtx();
    ctx.key = await row.prepare(ctx);
    broken = row.corrupt((await readProperty(ctx, ctx.key)) as Json);
    await writeProperty(ctx, ctx.key, broken);
    jest.spyOn(console, 'warn').mockImplementation((line: string) => void ctx.warnings.push(line));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await ctx.consumer.idle();
    ctx.site.close();
  });

  it('is reported by its reader, which still answers', async () => {
    const view = await row.read(ctx);
    expect(view.problems).toEqual(expect.arrayContaining([expect.stringMatching(row.problem)]));
    row.readerShows?.(view as never);
  });

  it.each(row.writers.map((w) => [`${w.name} ${outcomeText(w.outcome)}`, w] as const))('%s', async (_name, writer) => {
    const answer = await writer.run(ctx);
    await expectOutcome(ctx, row, writer, broken, answer);
  });
});

describe('what survives a write next to a broken entry', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await newCtx();
  });
  afterEach(() => ctx.site.close());

  it('an upload keeps the other uploads and the broken entry, exactly as stored', async () => {
    await twoUploads(ctx);
    const stored = (await readProperty(ctx, LIBRARY_KEY)) as { entries: Json[] };
    const bad = { ...stored.entries[1]!, slot: 7 };
    await writeProperty(ctx, LIBRARY_KEY, { v: 1, entries: [stored.entries[0], bad] });
    dataOf(await upload('third-team', '1')(ctx));
    const after = (await readProperty(ctx, LIBRARY_KEY)) as { entries: Json[] };
    expect(after.entries.map((e) => e.id)).toEqual(['payments-team', 'third-team', 'other-team']);
    expect(JSON.stringify(after.entries[0])).toBe(JSON.stringify(stored.entries[0]));
    expect(JSON.stringify(after.entries[2])).toBe(JSON.stringify(bad));
  });

  it('a suppression keeps the earlier ones and the broken one, exactly as stored', async () => {
    await oneSuppression(ctx);
    const stored = (await readProperty(ctx, SUPPRESSIONS_KEY)) as { list: Json[] };
    const bad = { findingId: 'threat-without-story:T-9', why: 'ok', by: '712020:bob', at: 'yesterday' };
    await writeProperty(ctx, SUPPRESSIONS_KEY, { v: 1, list: [bad, ...stored.list] });
    const view = dataOf<AuditView>(await suppress('threat-without-story:T-4')(ctx));
    const after = (await readProperty(ctx, SUPPRESSIONS_KEY)) as { list: Json[] };
    expect(after.list.map((s) => s.findingId)).toEqual([
      'threat-without-mitigation:T-1',
      'threat-without-story:T-4',
      'threat-without-story:T-9',
    ]);
    expect(JSON.stringify(after.list[2])).toBe(JSON.stringify(bad));
    expect(view.problems).toEqual([expect.stringMatching(/^Suppression 3 \("threat-without-story:T-9"\)/)]);
  });

  it('a risk point keeps the history and the broken point, exactly as stored', async () => {
    const stored = (await readProperty(ctx, RISK_HISTORY_KEY)) as { points: Json[] };
    const bad = { ...stored.points[10]!, now: -5 };
    const points = stored.points.map((p, i) => (i === 10 ? bad : p));
    await writeProperty(ctx, RISK_HISTORY_KEY, { v: 1, points });
    await dailyRisk();
    const after = (await readProperty(ctx, RISK_HISTORY_KEY)) as { points: Json[] };
    // The demo's history ends yesterday: today's point is added, every earlier one kept.
    expect(after.points).toHaveLength(points.length + 1);
    expect(after.points.at(-2)?.date).toBe(today());
    expect(JSON.stringify(after.points.at(-1))).toBe(JSON.stringify(bad));
    expect(after.points.slice(0, -2).map((p) => JSON.stringify(p))).toEqual(
      points.filter((p) => p !== bad).map((p) => JSON.stringify(p)),
    );
  });
});
