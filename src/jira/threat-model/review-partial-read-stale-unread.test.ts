import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { prose } from '../../../test/support/prose';
import { AppError } from '../../domain/common/app-error';
import type { MitigationDraft } from '../../domain/mitigation/mitigation';
import type { Threat, ThreatDraft } from '../../domain/threat-model/threat';
import {
  addMitigation,
  addThreat,
  editThreat,
  emptyThreatModel,
  type ThreatModel,
} from '../../domain/threat-model/threat-model';
import { forgetKnownModel, knownModel } from './known-models';
import { lockKey } from './model-locks';
import { changeThreatModel, readThreatModel, replaceUnreadableMeta, TAKEOVER_GRACE_MS } from './threat-model-repository';
import { decodeShard, encodeShard, META_KEY, SHARD_PREFIX } from './threat-model-shards';

// Review of the partial read of a large model (known-models.ts). Its safety argument: the edit
// writes only shards it read (or read and compared), "so nothing it writes rests on a value it
// did not read". These tests show edits whose WRITTEN result rests on shards they did not read
// (the id counter, the check that an addressed threat exists and is not retired), in cases where
// the meta is at the revision this instance knows but the shards are not what it knows.
// Each case is also run through the whole read (the known model forgotten): it then behaves.

const actor = { accountId: '712020:alice', now: '2026-12-03T10:00:00.000Z' };
const draft = (n: number): ThreatDraft => ({
  title: `Threat ${n}: ${prose(n, 60)}`,
  description: prose(n + 100_000, 900),
  stride: ['S', 'I'],
  probability: 3,
  impact: 4,
  component: 'Payment API',
});

function bigModel(threats: number): ThreatModel {
  const base = emptyThreatModel();
  const list = Array.from({ length: threats }, (_, i) => ({
    ...addThreat(base, draft(i + 1), actor).threat,
    id: `T-${i + 1}`,
  }));
  return { ...base, threats: list, nextThreatNumber: threats + 1 };
}

const propertyOf = (site: LocalSite, project: string, key: string) =>
  site.store
    .all('projectProperty')
    .find((p) => p.key === key && site.store.get('project', p.projectId)?.key === project);

/** Every entry with this id in the project's stored shards, raw (what dedupe would hide). */
function storedCopies(site: LocalSite, project: string, id: string): number {
  let copies = 0;
  for (const p of site.store.all('projectProperty')) {
    if (!p.key.startsWith(SHARD_PREFIX) || site.store.get('project', p.projectId)?.key !== project) continue;
    const shard = decodeShard(p.value);
    if ('error' in shard) continue;
    copies += shard.entries.filter((e) => (e as { id?: unknown }).id === id).length;
  }
  return copies;
}

const create = (n: number) => (model: ThreatModel) => {
  const added = addThreat(model, draft(n), actor);
  return { model: added.model, result: added.threat };
};

const mitigationOf = (threatId: string) => (model: ThreatModel) => {
  const draftM: MitigationDraft = {
    title: `Mitigation of ${threatId}`,
    implementation: '',
    verification: '',
    controlType: 'preventive',
    addresses: [{ threatId, strength: 50 }],
    status: 'proposed',
    rejectionReason: '',
  };
  const added = addMitigation(model, draftM, actor);
  return { model: added.model, result: added.mitigation };
};

/** Shard 0 as stored, its entries changed by `change`, written back through the REST API as `rest` would. */
async function rewriteShard0(
  site: LocalSite,
  project: string,
  change: (entries: Threat[]) => Threat[],
  bumpRevision: boolean,
): Promise<void> {
  const key = `${SHARD_PREFIX}0`;
  const shard = decodeShard(propertyOf(site, project, key)!.value);
  if ('error' in shard) throw new Error(shard.error);
  const value = encodeShard(change(shard.entries as Threat[]), shard.revision + (bumpRevision ? 1 : 0));
  const status = (await restAs(site, 'alice')('PUT', `/rest/api/3/project/${project}/properties/${key}`, value)).status;
  expect(status).toBe(200);
}

describe('review: a partial read acts on shards it did not read', () => {
  let site: LocalSite;
  const client = () => siteClient(site);

  beforeAll(async () => {
    site = await startTestSite({});
    for (const key of ['IDS', 'IDW', 'ORPH', 'ORPW', 'ABA']) {
      const id = site.store.next('project', 31000);
      site.store.put('project', id, { id, key, name: key, leadAccountId: '712020:alice' });
      await changeThreatModel(siteClient(site), key, 'seed', () => ({ model: bigModel(1300), result: undefined }));
    }
  }, 180_000);
  afterAll(() => site.close());

  // (a) A record added through the REST API to a shard the edit does not read, the meta untouched.
  // The whole read never hands its id out again (readThreatModel: "Never below an id in use,
  // readable or not"); the partial read does, and the model then holds two T-1301.
  async function idTwice(project: string, whole: boolean): Promise<{ handedOut: string; copies: number }> {
    await readThreatModel(client(), project);
    const injected = { ...addThreat(emptyThreatModel(), draft(7), actor).threat, id: 'T-1301' };
    await rewriteShard0(site, project, (entries) => [...entries, injected], false);
    if (whole) forgetKnownModel(undefined, project);
    const ours = await changeThreatModel(client(), project, 'test', create(9001));
    return { handedOut: ours.id, copies: storedCopies(site, project, ours.id) };
  }

  it('(a) the whole read does not hand out an id a stored record has (control)', async () => {
    const { handedOut, copies } = await idTwice('IDW', true);
    expect(handedOut).toBe('T-1302');
    expect(copies).toBe(1);
  });

  it('(a) the partial read hands out an id a record in an unread shard already has', async () => {
    const { handedOut, copies } = await idTwice('IDS', false);
    // FAILS on a3b0c35: T-1301 is handed out again, and two records named T-1301 are stored.
    expect(copies).toBe(1);
    expect(handedOut).toBe('T-1302');
  });

  // (b)+(c) App writers only. A writer (another instance) holds step R's lock, writes shard 0
  // (retires T-1) and dies before the meta (or its meta write fails: writeModelTurn then tells a
  // change with no new id "saved"). A third instance takes its lock over, reads the whole model,
  // writes nothing (its own edit is refused as stale) and releases: lock R is DELETED
  // (endModelTurn, wrote: false). The meta is still at R, so this instance creates lock R with a
  // 201, "not taken over", and builds the model from its known, stale shard 0.
  async function orphanedStep(project: string, whole: boolean): Promise<{ attempt: Promise<unknown> }> {
    const before = await readThreatModel(client(), project); // this instance knows revision R
    const from = before.metaRevision;
    const dead = { holder: 'crashed', expiresAt: Date.now() - TAKEOVER_GRACE_MS - 1_000 };
    const rest = restAs(site, 'alice');
    expect((await rest('PUT', `/rest/api/3/project/${project}/properties/${lockKey(from)}`, dead)).status).toBe(201);
    await rewriteShard0(
      site,
      project,
      (entries) =>
        entries.map((e) => (e.id === 'T-1' ? { ...e, state: 'retired' as const, revision: e.revision + 1 } : e)),
      true,
    );

    const third = siteClient(site, undefined, 'third-instance');
    const stale = (model: ThreatModel) => {
      const t = model.threats.find((x) => x.id === 'T-2')!;
      return {
        model: editThreat(model, 'T-2', t.revision - 1, { ...draft(2), title: 'From a stale page' }, actor).model,
        result: undefined,
      };
    };
    await expect(changeThreatModel(third, project, 'third', stale)).rejects.toBeInstanceOf(AppError);
    // The lock of the step the dead writer wrote under is gone; the meta never moved.
    expect(propertyOf(site, project, lockKey(from))).toBeUndefined();
    expect((propertyOf(site, project, META_KEY)!.value as { revision: number }).revision).toBe(from);
    expect(knownModel(undefined, project)?.revision).toBe(from);

    if (whole) forgetKnownModel(undefined, project);
    const attempt = changeThreatModel(client(), project, 'test', mitigationOf('T-1'));
    attempt.catch(() => undefined);
    return { attempt };
  }

  it('(b) the whole read refuses a new mitigation of the threat retired by the orphaned step (control)', async () => {
    await expect((await orphanedStep('ORPW', true)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('(b) the partial read stores a new mitigation of a threat that is retired, from a shard it did not read', async () => {
    // FAILS on a3b0c35: the mitigation is stored (last shard + meta), addressing retired T-1.
    await expect((await orphanedStep('ORPH', false)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  // The meta's revision is not unique: the audit's fix of an unreadable meta (replaceUnreadableMeta)
  // writes revision max(lock revisions stored, readable revision) + 1, which is R again when the
  // broken meta's revision cannot be read and lock R-1 (the record of the step to R) is the newest
  // lock. An instance that knew R before the meta broke (and read nothing since) takes the new
  // meta for the one it knew, and every shard rewritten meanwhile for what it knew.
  it('(c) a meta replaced at the same revision: the partial read builds on shards from before it', async () => {
    const project = 'ABA';
    const before = await readThreatModel(client(), project);
    const from = before.metaRevision;
    const rest = restAs(site, 'alice');
    // Someone restores part of the model by hand: T-1 retired, and the meta left unreadable.
    await rewriteShard0(
      site,
      project,
      (entries) =>
        entries.map((e) => (e.id === 'T-1' ? { ...e, state: 'retired' as const, revision: e.revision + 1 } : e)),
      true,
    );
    expect((await rest('PUT', `/rest/api/3/project/${project}/properties/${META_KEY}`, { v: 1 })).status).toBe(200);
    // The audit's fix, run in another instance by a project admin.
    const admin = siteClient(site, '712020:alice', 'admin-instance');
    const broken = await readThreatModel(siteClient(site, undefined, 'admin-instance'), project);
    expect(broken.metaUnreadable).toBeDefined();
    await replaceUnreadableMeta(admin, project, broken, { v: 1 });
    const replaced = propertyOf(site, project, META_KEY)!.value as { revision: number };
    expect(replaced.revision).toBe(from); // the same revision this instance knows

    // FAILS on a3b0c35: refused by a whole read (T-1 is retired), stored by the partial one.
    await expect(changeThreatModel(client(), project, 'test', mitigationOf('T-1'))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
