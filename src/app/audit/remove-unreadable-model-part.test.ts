import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient, signal } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { renameEdit } from '../../../test/support/threat-edits';
import type { ModelPart } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { applyThreatEdit } from '../../domain/threat-model/threat-edit';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { decodeShard, encodeShard, type ModelRecord } from '../../jira/threat-model/threat-model-shards';
import type { JiraClients } from '../common/jira-clients';
import type { AuditEvent, AuditQueue } from './audit-queue';
import { modelValues } from './model-values';
import { removeUnreadablePart } from './remove-unreadable-model-part';

// Issue 17: the fix for "Threat model not readable". A project administrator, shown the raw value
// of one unreadable part, removes exactly that part, only while it is still the value shown;
// everyone else is refused before anything is written, and an edit of the model made at the same
// moment keeps its change.

const ALICE = '712020:alice'; // administers PAY
const BOB = '712020:bob'; // a developer: not an administrator
const BROKEN_ENTRY = { id: 'T-77', title: 42, note: 'written by hand through the REST API' };
const BROKEN_SHARD = { v: 2, revision: 1, encoding: 'deflate-base64', data: 'not deflated at all' };

const recordingQueue = (): AuditQueue & { pushed: AuditEvent[] } => {
  const pushed: AuditEvent[] = [];
  return { pushed, push: async (event) => void pushed.push(event) };
};

describe('removing an unreadable part of the threat model', () => {
  let site: LocalSite;
  let queue: ReturnType<typeof recordingQueue>;
  const as = (accountId: string): JiraClients => ({ user: siteClient(site, accountId), app: siteClient(site) });
  const property = async (key: string) =>
    (await restAs(site, 'alice')('GET', `/rest/api/3/project/PAY/properties/${key}`)).body?.value;
  const put = (key: string, value: unknown) =>
    restAs(site, 'alice')('PUT', `/rest/api/3/project/PAY/properties/${key}`, value);
  const entriesOf = async (key: string) => {
    const decoded = decodeShard(await property(key));
    if ('error' in decoded) throw new Error(decoded.error);
    return decoded.entries;
  };
  const shown = async (part: ModelPart) => {
    const values = await modelValues(as(ALICE), 'PAY', {});
    const found = values.parts.find((p) => JSON.stringify(p.part) === JSON.stringify(part));
    if (!found) throw new Error(`not listed: ${JSON.stringify(part)}`);
    return found;
  };
  const writesSince = (mark: number) =>
    site.log.since(mark).filter((r) => r.method === 'PUT' || r.method === 'DELETE' || r.method === 'POST');

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    queue = recordingQueue();
    // Written by hand through the REST API, as a project administrator can: a record that is not
    // a threat inside shard 0 (which holds the demo's threats), and a shard that is not one.
    const entries = await entriesOf('without.model.shard.0');
    await put('without.model.shard.0', encodeShard([...entries, BROKEN_ENTRY] as ModelRecord[], 7));
    await put('without.model.shard.9', BROKEN_SHARD);
  });
  afterEach(() => site.close());

  it('lists each unreadable part raw, with its size, and says who may remove it', async () => {
    const values = await modelValues(as(BOB), 'PAY', {});
    expect(values.canRemove).toBe(false);
    expect(values.parts.map((p) => [p.part, p.name])).toEqual([
      [{ kind: 'shard', shard: 9 }, 'Shard without.model.shard.9'],
      [{ kind: 'entry', shard: 0, entry: 0 }, 'Threat T-77 in without.model.shard.0'],
    ]);
    expect(values.parts[0]!.text).toContain('not deflated at all');
    expect(values.parts[0]!.size).toBe(JSON.stringify(BROKEN_SHARD).length);
    expect(values.parts[1]!.text).toContain('written by hand');
    expect(values.parts[1]!.whole).toBeUndefined();
    const one = await modelValues(as(ALICE), 'PAY', { part: { kind: 'shard', shard: 9 } });
    expect(one.canRemove).toBe(true);
    expect(JSON.parse(one.parts[0]!.whole!)).toEqual(BROKEN_SHARD);
  });

  it('refuses a person who does not administer the project before anything is written', async () => {
    const { digest } = await shown({ kind: 'shard', shard: 9 });
    const mark = site.log.mark();
    await expect(
      removeUnreadablePart(as(BOB), queue, 'PAY', BOB, { part: { kind: 'shard', shard: 9 }, digest }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(writesSince(mark)).toEqual([]);
    expect(site.log.since(mark).filter((r) => r.principal === 'app')).toEqual([]);
    expect(await property('without.model.shard.9')).toEqual(BROKEN_SHARD);
    expect(queue.pushed).toEqual([]);
  });

  it('refuses a part whose value changed since it was shown, and writes nothing', async () => {
    const { digest } = await shown({ kind: 'shard', shard: 9 });
    await put('without.model.shard.9', { ...BROKEN_SHARD, data: 'changed by someone else' });
    const mark = site.log.mark();
    await expect(
      removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: { kind: 'shard', shard: 9 }, digest }),
    ).rejects.toEqual(
      new AppError(
        'CONFLICT',
        'without.model.shard.9 changed since it was shown to you: look at it again before you remove it.',
      ),
    );
    // Nothing but the lock taken for the step (given back: nothing was written under it).
    expect(writesSince(mark).filter((r) => !/\/without\.model\.lock\.\d+$/.test(r.path))).toEqual([]);
    expect((await property('without.model.shard.9')) as object).toMatchObject({ data: 'changed by someone else' });
    const entry = await shown({ kind: 'entry', shard: 0, entry: 0 });
    await expect(
      removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: entry.part, digest: 'f'.repeat(64) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await entriesOf('without.model.shard.0')).toContainEqual(BROKEN_ENTRY);
    expect(queue.pushed).toEqual([]);
  });

  it('removes only the named entry: the shard’s readable records, and the other unreadable part, stay as they were', async () => {
    const before = await readThreatModel(siteClient(site), 'PAY');
    const readable = (await entriesOf('without.model.shard.0')).filter(
      (e) => e !== undefined && (e as { id: string }).id !== 'T-77',
    );
    const { part, digest } = await shown({ kind: 'entry', shard: 0, entry: 0 });
    const view = await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part, digest });
    expect(view.projectKey).toBe('PAY');
    expect(await entriesOf('without.model.shard.0')).toEqual(readable);
    expect(await property('without.model.shard.9')).toEqual(BROKEN_SHARD);
    const after = await readThreatModel(siteClient(site), 'PAY');
    expect(after.model.threats).toEqual(before.model.threats);
    expect(after.model.mitigations).toEqual(before.model.mitigations);
    expect(after.model.settings).toEqual(before.model.settings);
    // The removed id is never handed out again.
    expect(after.model.nextThreatNumber).toBe(78);
    expect(after.metaRevision).toBe(before.metaRevision + 1);
    expect(after.problems).toEqual([
      expect.stringMatching(/^The threat model shard without.model.shard.9 is not valid/),
    ]);
    expect(queue.pushed).toEqual([{ projectKey: 'PAY', runId: expect.any(String), requestedBy: ALICE }]);
  });

  it('removes a whole unreadable shard as the person, and the model reads without problems', async () => {
    const entry = await shown({ kind: 'entry', shard: 0, entry: 0 });
    await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: entry.part, digest: entry.digest });
    const before = await readThreatModel(siteClient(site), 'PAY');
    const { part, digest } = await shown({ kind: 'shard', shard: 9 });
    const mark = site.log.mark();
    await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part, digest });
    expect(
      site.log.since(mark).filter((r) => r.method === 'DELETE' && r.path.endsWith('/without.model.shard.9')),
    ).toEqual([expect.objectContaining({ principal: ALICE, status: 204 })]);
    expect(await property('without.model.shard.9')).toBeUndefined();
    const after = await readThreatModel(siteClient(site), 'PAY');
    expect(after.problems).toEqual([]);
    expect(after.unreadable).toEqual([]);
    expect(after.shardIndices).not.toContain(9);
    expect(after.model).toEqual(before.model);
    expect((await modelValues(as(ALICE), 'PAY', {})).parts).toEqual([]);
  });

  it('keeps the change of a model edit made while the removal runs', async () => {
    const { part, digest } = await shown({ kind: 'entry', shard: 0, entry: 0 });
    const from = (await readThreatModel(siteClient(site), 'PAY')).metaRevision;
    const mark = site.log.mark();
    const reached = signal();
    const release = signal();
    let paused = false;
    // The removal's read of the model is held back until another writer has made its step: its
    // lock for the revision it read is then taken, and it must read again, not write over the edit.
    const app = hookedAppClient(site, async (path, request, phase) => {
      if (paused || phase !== 'after' || request.method !== 'GET' || !path.startsWith('/rest/api/3/project/PAY?'))
        return;
      paused = true;
      reached.fire();
      await release.done;
    });
    const removal = removeUnreadablePart({ user: siteClient(site, ALICE), app }, queue, 'PAY', ALICE, {
      part,
      digest,
    });
    await reached.done;
    await changeThreatModel(siteClient(site), 'PAY', BOB, (model) => ({
      model: applyThreatEdit(model, renameEdit(model, 'T-2', 'Renamed meanwhile'), {
        accountId: BOB,
        now: '2026-12-03T08:00:00.000Z',
      }).model,
      result: undefined,
    }));
    release.fire();
    await removal;
    // The removal's try for the step from the revision it read found it made (200: the lock was
    // there), so it read again and took the next step (201).
    const lockPuts = (revision: number) =>
      site.log
        .since(mark)
        .filter((r) => r.method === 'PUT' && r.path.endsWith(`/without.model.lock.${revision}`))
        .map((r) => r.status);
    expect(lockPuts(from)).toEqual([201, 200]);
    expect(lockPuts(from + 1)).toEqual([201]);
    const after = await readThreatModel(siteClient(site), 'PAY');
    expect(after.model.threats.find((t) => t.id === 'T-2')?.title).toBe('Renamed meanwhile');
    expect(await entriesOf('without.model.shard.0')).not.toContainEqual(BROKEN_ENTRY);
  });

  describe('the settings and id counters (the meta)', () => {
    const META = 'without.model';
    const brokenMeta = (over: Record<string, unknown>) => ({
      v: 1,
      revision: 3,
      settings: 'not settings',
      nextMitigationNumber: 1,
      ...over,
    });

    it('refuses while a shard cannot be read, or while the meta names a counter above the ids stored', async () => {
      await put(META, brokenMeta({ nextThreatNumber: 3 }));
      let meta = await shown({ kind: 'meta' });
      expect(meta.refusal).toMatch(/without.model.shard.9 cannot be read either/);
      await expect(
        removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: meta.part, digest: meta.digest }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      // A whole shard goes without a lock while the meta cannot be read (nobody can write the model).
      const shard = await shown({ kind: 'shard', shard: 9 });
      await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: shard.part, digest: shard.digest });
      await put(META, brokenMeta({ nextThreatNumber: 500 }));
      meta = await shown({ kind: 'meta' });
      expect(meta.refusal).toMatch(/the next threat is T-500, above the highest ids stored/);
      await expect(
        removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: meta.part, digest: meta.digest }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await property(META)).toMatchObject({ nextThreatNumber: 500 });
    });

    it('refuses while a counter of the meta cannot be read: it may name ids handed out and gone since', async () => {
      const shard = await shown({ kind: 'shard', shard: 9 });
      await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: shard.part, digest: shard.digest });
      // T-77 was handed out: the counter says 78, but as text, and T-77 is no longer stored once its entry goes.
      for (const counters of [
        { nextThreatNumber: '78' },
        { nextThreatNumber: 2, nextMitigationNumber: -1 },
        { nextThreatNumber: 2.5 },
      ]) {
        await put(META, brokenMeta(counters));
        const meta = await shown({ kind: 'meta' });
        expect(meta.refusal).toMatch(/id counters cannot be read/);
        await expect(
          removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: meta.part, digest: meta.digest }),
        ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
        expect(await property(META)).toMatchObject(counters);
      }
    });

    it('removes a meta whose counters hand out no id again: defaults, counters past the ids stored', async () => {
      const shard = await shown({ kind: 'shard', shard: 9 });
      await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: shard.part, digest: shard.digest });
      await put(META, brokenMeta({ nextThreatNumber: 2 }));
      const meta = await shown({ kind: 'meta' });
      expect(meta.refusal).toBeNull();
      expect(meta.consequence).toMatch(/the next threat is T-78/);
      // An entry of a readable shard waits for readable settings: the shard is written under the model's lock.
      const entry = await shown({ kind: 'entry', shard: 0, entry: 0 });
      expect(entry.refusal).toMatch(/deal with the settings first/);
      await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: meta.part, digest: meta.digest });
      // Replaced, not deleted: defaults, counters past the ids stored, and a revision past every
      // lock left by the steps before (revision 3 was the broken meta's own).
      const listed = (await restAs(site, 'alice')('GET', '/rest/api/3/project/PAY/properties')).body as unknown as {
        keys: Array<{ key: string }>;
      };
      const locks = listed.keys
        .map((k) => /^without\.model\.lock\.(\d+)$/.exec(k.key)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number);
      expect(locks.length).toBeGreaterThan(0);
      const after = await readThreatModel(siteClient(site), 'PAY');
      expect(after.metaUnreadable).toBeUndefined();
      expect(after.model.nextThreatNumber).toBe(78);
      expect(after.metaRevision).toBe(Math.max(3, ...locks) + 1);
      expect(await property(META)).toMatchObject({ v: 1, revision: after.metaRevision, nextThreatNumber: 78 });
      // Now the entry can go too, and the model reads whole.
      const again = await shown({ kind: 'entry', shard: 0, entry: 0 });
      await removeUnreadablePart(as(ALICE), queue, 'PAY', ALICE, { part: again.part, digest: again.digest });
      expect((await readThreatModel(siteClient(site), 'PAY')).problems).toEqual([]);
      // The next edit takes its step at once: no old lock stands at the revision it starts from.
      const mark = site.log.mark();
      await changeThreatModel(siteClient(site), 'PAY', BOB, (model) => ({
        model: applyThreatEdit(model, renameEdit(model, 'T-2', 'Renamed after the reset'), {
          accountId: BOB,
          now: '2026-12-03T08:00:00.000Z',
        }).model,
        result: undefined,
      }));
      const lockPuts = site.log
        .since(mark)
        .filter((r) => r.method === 'PUT' && /\/without\.model\.lock\.\d+$/.test(r.path));
      expect(lockPuts.map((r) => r.status)).toEqual([201]);
    });
  });
});
