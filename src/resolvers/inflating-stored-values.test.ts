import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { LocalSite } from '../../local/site/server';
import { queueConsumer, resolverCaller } from '../../test/support/forge-invocation';
import { aTeamKnowledgeBase } from '../../test/support/knowledge-base-mother';
import { restAs, startTestSite } from '../../test/support/local-site';
import { okData } from '../../test/support/round-trips';
import type { AuditView, ThreatModelView } from '../contract';
import { auditWorker, resolver } from '../index';
import { STATUS_KEY } from '../jira/audit/audit-repository';
import { LIBRARY_KEY } from '../jira/knowledge-base/knowledge-base-repository';

// Found by an attacker's review: the audit's result and the uploaded knowledge bases were
// inflated without a bound, so a project admin could write a few hundred KB of properties that
// inflate to gigabytes in every view that reads them. Each is now inflated only up to a bound far
// above a real one, and a value past it is reported as unreadable. The test values are valid once
// inflated (a padding field the schema ignores), so only the bound tells them from good ones.

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onSettings = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };
const PART = 30_000;
type Json = Record<string, unknown>;

/** `value` with a padding of `megabytes` MB, deflated and cut into parts as the app stores it. */
function paddedParts(value: Json, megabytes: number): Array<{ v: 1; data: string }> {
  const json = Buffer.from(JSON.stringify({ ...value, padding: ' '.repeat(megabytes * 1024 * 1024) }));
  const data = deflateRawSync(json, { level: 9 }).toString('base64');
  return Array.from({ length: Math.ceil(data.length / PART) }, (_, i) => ({
    v: 1,
    data: data.slice(i * PART, (i + 1) * PART),
  }));
}

const inflated = (parts: Array<{ data: string }>): Json =>
  JSON.parse(inflateRawSync(Buffer.from(parts.map((p) => p.data).join(''), 'base64')).toString('utf8')) as Json;

// Each case inflates tens of megabytes, seconds of work on a loaded two-core machine (CI).
jest.setTimeout(30_000);
describe('stored values that inflate past their bound', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const alice = () => restAs(site, 'alice');
  const read = async (key: string) => (await alice()('GET', `/rest/api/3/project/PAY/properties/${key}`)).body?.value;
  const write = async (key: string, value: unknown) =>
    expect((await alice()('PUT', `/rest/api/3/project/PAY/properties/${key}`, value)).status).toBeLessThan(300);

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterEach(() => site.close());

  /** The audit run once, its status and the stored result as the app wrote it (inflated). */
  const storedAudit = async () => {
    const consumer = queueConsumer(auditWorker, 'run-audit');
    okData(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
    const status = (await read(STATUS_KEY)) as { complete: { slot: number; parts: number } };
    const { slot, parts } = status.complete;
    const stored = await Promise.all(
      Array.from({ length: parts }, (_, i) => read(`without.audit.result.${slot}.${i}`)),
    );
    return { status, slot, result: inflated(stored as Array<{ data: string }>) };
  };

  it('an audit result is read up to 64 MB of JSON; past that it is unreadable', async () => {
    const { status, slot, result } = await storedAudit();

    // Under the bound, the padded result reads as the result.
    const small = paddedParts(result, 1);
    for (const [i, part] of small.entries()) await write(`without.audit.result.${slot}.${i}`, part);
    await write(STATUS_KEY, { ...status, complete: { ...status.complete, parts: small.length } });
    expect(okData<AuditView>(await call('bob', 'audit/get', {}, onProject))).toMatchObject({ resultUnreadable: false });

    // Past it, it does not: the reader stops inflating at the bound.
    const large = paddedParts(result, 65);
    for (const [i, part] of large.entries()) await write(`without.audit.result.${slot}.${i}`, part);
    await write(STATUS_KEY, { ...status, complete: { ...status.complete, parts: large.length } });
    expect(large.length).toBeLessThan(10); // a few properties...
    expect(okData<AuditView>(await call('bob', 'audit/get', {}, onProject))).toMatchObject({
      result: null,
      resultUnreadable: true,
    });
  });

  it('an audit result within 64 MB is unreadable when it holds millions of objects, or a broken finding', async () => {
    // Parsing, not inflating, is what these cost: 2.5 million objects in 7.5 MB; and a schema that
    // reported each of a million broken findings built an issue for each (2.7 GB, 16 s, measured).
    const { status, slot, result } = await storedAudit();
    const view = async (value: Json) => {
      const written = paddedParts(value, 0);
      for (const [i, part] of written.entries()) await write(`without.audit.result.${slot}.${i}`, part);
      await write(STATUS_KEY, { ...status, complete: { ...status.complete, parts: written.length } });
      return okData<AuditView>(await call('bob', 'audit/get', {}, onProject));
    };
    // Control: the result as stored, with an extra field, reads.
    expect(await view({ ...result, extra: [{}, {}] })).toMatchObject({ resultUnreadable: false });
    expect(await view({ ...result, extra: new Array(2_500_000).fill({}) })).toMatchObject({ resultUnreadable: true });
    const findings = result.findings as unknown[];
    expect(await view({ ...result, findings: [{ id: 'broken' }, ...findings] })).toMatchObject({
      result: null,
      resultUnreadable: true,
    });
  });

  it('an uploaded knowledge base is read up to 16 MB of JSON; past that it is left out with a problem', async () => {
    const kb = aTeamKnowledgeBase({ id: 'payments-team', name: 'Payments team threats', version: '1' });
    const file = {
      fileName: 'payments-team.json',
      format: 'auto',
      content: { encoding: 'text', text: JSON.stringify(kb) },
    };
    okData(await call('alice', 'knowledge-base/upload', file, onSettings));
    const library = (await read(LIBRARY_KEY)) as { v: 1; entries: Array<Json & { slot: number; parts: number }> };
    const entry = library.entries.find((e) => e.id === 'payments-team')!;
    const key = (i: number) => `without.kb.payments-team.${entry.slot}.${i}`;
    const stored = await Promise.all(Array.from({ length: entry.parts }, (_, i) => read(key(i))));
    const value = inflated(stored as Array<{ data: string }>);
    const problems = async () => okData<ThreatModelView>(await call('bob', 'threat-model/get', {}, onProject)).problems;
    const unreadable =
      'The uploaded knowledge base "Payments team threats" cannot be read and is left out; upload it again.';

    const small = paddedParts(value, 1);
    for (const [i, part] of small.entries()) await write(key(i), part);
    await write(LIBRARY_KEY, { ...library, entries: [{ ...entry, parts: small.length }] });
    expect(await problems()).not.toContain(unreadable);

    const large = paddedParts(value, 17);
    for (const [i, part] of large.entries()) await write(key(i), part);
    await write(LIBRARY_KEY, { ...library, entries: [{ ...entry, parts: large.length }] });
    expect(await problems()).toContain(unreadable);

    // Within 16 MB but millions of objects (a field the schema would ignore): refused before parsing.
    const crowded = paddedParts({ ...value, extra: new Array(2_500_000).fill({}) }, 0);
    for (const [i, part] of crowded.entries()) await write(key(i), part);
    await write(LIBRARY_KEY, { ...library, entries: [{ ...entry, parts: crowded.length }] });
    expect(await problems()).toContain(unreadable);
  });
});
