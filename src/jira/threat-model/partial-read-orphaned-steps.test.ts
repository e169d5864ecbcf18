import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import {
  addEmptyProject,
  largeModelActor as actor,
  modelOfThreats,
  projectProperty as propertyOf,
  proseThreat as draft,
} from '../../../test/support/large-threat-model';
import { AppError } from '../../domain/common/app-error';
import type { MitigationDraft } from '../../domain/mitigation/mitigation';
import type { Threat } from '../../domain/threat-model/threat';
import { addMitigation, editThreat, type ThreatModel } from '../../domain/threat-model/threat-model';
import { forgetKnownModel, knownModel } from './known-models';
import { lockKey } from './model-locks';
import {
  changeThreatModel,
  readThreatModel,
  replaceUnreadableMeta,
  TAKEOVER_GRACE_MS,
} from './threat-model-repository';
import { decodeShard, encodeShard, META_KEY, SHARD_PREFIX } from './threat-model-shards';

// An edit of a large model takes the shards it does not read from what this instance knew at the
// meta it finds (known-models.ts). Two ways app writers could leave the meta looking the same over
// other shards, and what keeps the edit from building on them: a turn taken over from a writer that
// died after writing shards moves the meta even when it writes nothing, and every meta the app
// writes carries a new write id, so a revision that comes back (a meta replaced by the audit's fix)
// is not taken for the one known. Each case is also run with nothing known (a whole read): the
// edit must end the same way.

const SITE = 'ari:cloud:ecosystem::installation/orphaned-steps';
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

/** T-1 retired, as someone restoring or finishing a step by hand would leave shard 0. */
const retireFirst = (entries: Threat[]) =>
  entries.map((e) => (e.id === 'T-1' ? { ...e, state: 'retired' as const, revision: e.revision + 1 } : e));

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

describe('an edit of a large model after app writers left shards changed at the same revision', () => {
  let site: LocalSite;
  const client = () => siteClient(site, undefined, SITE);

  beforeAll(async () => {
    site = await startTestSite({});
    for (const key of ['ORPH', 'ORPW', 'ABA', 'ABW']) {
      addEmptyProject(site, key, 31000);
      await changeThreatModel(siteClient(site), key, 'seed', () => ({
        model: modelOfThreats(1300),
        result: undefined,
      }));
    }
  }, 180_000);
  afterAll(() => site.close());

  /** This instance adds a mitigation of T-1, knowing the model from before or (`whole`) not. */
  function mitigateFirst(project: string, whole: boolean): { attempt: Promise<unknown> } {
    if (whole) forgetKnownModel(SITE, project);
    const attempt = changeThreatModel(client(), project, 'test', mitigationOf('T-1'));
    attempt.catch(() => undefined);
    return { attempt };
  }

  // A writer (another instance) holds step R's lock, writes shard 0 (retires T-1) and dies before
  // the meta (or its meta write fails: writeModelTurn then tells a change with no new id "saved").
  // A third instance takes its lock over, reads the whole model and writes nothing (its own edit is
  // refused as stale). Were lock R deleted then, with the meta still at R, this instance would
  // create lock R with a 201 and build on its known, stale shard 0: the takeover moves the meta.
  async function orphanedStep(project: string, whole: boolean): Promise<{ attempt: Promise<unknown> }> {
    const before = await readThreatModel(client(), project); // this instance knows revision R
    const from = before.metaRevision;
    const dead = { holder: 'crashed', expiresAt: Date.now() - TAKEOVER_GRACE_MS - 1_000 };
    const rest = restAs(site, 'alice');
    expect((await rest('PUT', `/rest/api/3/project/${project}/properties/${lockKey(from)}`, dead)).status).toBe(201);
    await rewriteShard0(site, project, retireFirst, true);

    const third = siteClient(site, undefined, 'third-instance');
    const stale = (model: ThreatModel) => {
      const t = model.threats.find((x) => x.id === 'T-2')!;
      return {
        model: editThreat(model, 'T-2', t.revision - 1, { ...draft(2), title: 'From a stale page' }, actor).model,
        result: undefined,
      };
    };
    await expect(changeThreatModel(third, project, 'third', stale)).rejects.toBeInstanceOf(AppError);
    // The lock of the step the dead writer wrote under stays as its record, and the meta moved.
    expect(propertyOf(site, project, lockKey(from))).toBeDefined();
    expect((propertyOf(site, project, META_KEY)!.value as { revision: number }).revision).toBe(from + 1);
    expect(knownModel(SITE, project, Date.now())?.revision).toBe(from);

    return mitigateFirst(project, whole);
  }

  it('with nothing known, refuses a new mitigation of the threat the dead writer retired', async () => {
    await expect((await orphanedStep('ORPW', true)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('knowing the model from before, refuses it too: the meta moved, so the rest is read', async () => {
    await expect((await orphanedStep('ORPH', false)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  // The meta's revision is not unique: the audit's fix of an unreadable meta (replaceUnreadableMeta)
  // writes revision max(lock revisions stored, readable revision) + 1, which is R again when the
  // broken meta's revision cannot be read and lock R-1 (the record of the step to R) is the newest
  // lock. An instance that knew R before the meta broke (and read nothing since) must not take the
  // new meta for the one it knew: its write id differs.
  async function replacedMeta(project: string, whole: boolean): Promise<{ attempt: Promise<unknown> }> {
    const before = await readThreatModel(client(), project);
    const from = before.metaRevision;
    const rest = restAs(site, 'alice');
    // Someone restores part of the model by hand: T-1 retired, and the meta left unreadable.
    await rewriteShard0(site, project, retireFirst, true);
    expect((await rest('PUT', `/rest/api/3/project/${project}/properties/${META_KEY}`, { v: 1 })).status).toBe(200);
    // The audit's fix, run in another instance by a project admin.
    const admin = siteClient(site, '712020:alice', 'admin-instance');
    const broken = await readThreatModel(siteClient(site, undefined, 'admin-instance'), project);
    expect(broken.metaUnreadable).toBeDefined();
    await replaceUnreadableMeta(admin, project, broken, { v: 1 });
    const replaced = propertyOf(site, project, META_KEY)!.value as { revision: number };
    expect(replaced.revision).toBe(from); // the same revision this instance knows

    return mitigateFirst(project, whole);
  }

  it('with nothing known, refuses a mitigation of a threat retired while the meta was broken', async () => {
    await expect((await replacedMeta('ABW', true)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('knowing the model at the same revision from before, refuses it too: the write id differs', async () => {
    await expect((await replacedMeta('ABA', false)).attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
