import { APP_ACCOUNT_ID } from '../../../local/site/base-data';
import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import {
  addEmptyProject,
  largeModelActor as actor,
  modelOfThreats,
  projectProperty as propertyOf,
  proseThreat as draft,
} from '../../../test/support/large-threat-model';
import { hookedClient, type RequestHook } from '../../../test/support/hooked-client';
import { renameEdit } from '../../../test/support/threat-edits';
import { addThreat, type ThreatModel } from '../../domain/threat-model/threat-model';
import type { TransportResponse } from '../client/transport';
import { knownModel } from './known-models';
import { lockKey } from './model-locks';
import { saveThreatEdit } from './threat-edit-queue';
import { changeThreatModel, readThreatModel } from './threat-model-repository';
import { META_KEY } from './threat-model-shards';

// An edit of a large model this instance knows, whose meta moved,
// creates the step's lock on the head (meta and locks of the first request) while the rest of the
// shards is read. When that rest read fails after the lock was created, the lock must be given back
// (nothing was written under it), the edit must fail, and no promise may reject unhandled.

const SITE = 'ari:cloud:ecosystem::installation/head-read-failure';
const refused: TransportResponse = {
  status: 400,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['refused by the test'], errors: {} }),
};

/** The app's client for SITE whose "rest of the model" GET fails once the step's lock PUT was answered. */
function clientFailingTheRest(site: LocalSite, project: string, lockPath: () => string) {
  let lockAnswered!: () => void;
  const lockDone = new Promise<void>((resolve) => (lockAnswered = resolve));
  let failed = false;
  const onLock: string[] = [];
  const hook: RequestHook = async (path, request, phase, status) => {
    const prefix = `/rest/api/3/project/${project}?properties=`;
    if (phase === 'before' && request.method === 'GET' && path.startsWith(prefix)) {
      const keys = decodeURIComponent(path.slice(prefix.length)).split(',');
      // The rest: many shard keys, no meta. It fails only once the lock exists.
      if (!failed && !keys.includes(META_KEY) && keys.length > 20) {
        failed = true;
        await lockDone;
        return refused;
      }
    }
    if (phase === 'after' && path === lockPath()) {
      onLock.push(`${request.method} ${status}`);
      if (request.method === 'PUT') lockAnswered();
    }
  };
  return {
    client: hookedClient(site, hook, APP_ACCOUNT_ID, SITE),
    failedRest: () => failed,
    onLock,
  };
}

const create = (n: number) => (model: ThreatModel) => {
  const added = addThreat(model, draft(n), actor);
  return { model: added.model, result: added.threat };
};

describe('the rest of a large model failing after the lock was created on its head', () => {
  let site: LocalSite;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    site = await startTestSite({});
    for (const key of ['HFA', 'HFB']) {
      addEmptyProject(site, key);
      await changeThreatModel(siteClient(site), key, 'seed', () => ({
        model: modelOfThreats(1300),
        result: undefined,
      }));
    }
    process.on('unhandledRejection', onUnhandled);
  }, 120_000);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    return site.close();
  });

  const moved = async (project: string) => {
    await readThreatModel(siteClient(site, undefined, SITE), project);
    expect(knownModel(SITE, project, Date.now())).toBeDefined();
    // Another instance writes: the meta moves past what SITE knows.
    await changeThreatModel(siteClient(site, undefined, 'another'), project, 'other', create(9000));
    return (await readThreatModel(siteClient(site), project)).metaRevision;
  };

  it('changeThreatModel: fails, gives the lock back, leaves the model as it was', async () => {
    const revision = await moved('HFA');
    const lockPath = `/rest/api/3/project/HFA/properties/${lockKey(revision)}`;
    const { client, failedRest, onLock } = clientFailingTheRest(site, 'HFA', () => lockPath);
    await expect(changeThreatModel(client, 'HFA', 'test', create(9001))).rejects.toThrow();
    expect(failedRest()).toBe(true);
    // The lock was created on the head (201), then given back once the rest failed.
    expect(onLock).toEqual(['PUT 201', 'DELETE 204']);
    await new Promise((r) => setTimeout(r, 50));
    expect(propertyOf(site, 'HFA', lockKey(revision))).toBeUndefined();
    expect((await readThreatModel(siteClient(site), 'HFA')).metaRevision).toBe(revision);
    expect(unhandled).toEqual([]);
  });

  it('saveThreatEdit: fails, gives the lock back, leaves the model as it was', async () => {
    const revision = await moved('HFB');
    const model = (await readThreatModel(siteClient(site), 'HFB')).model;
    const lockPath = `/rest/api/3/project/HFB/properties/${lockKey(revision)}`;
    const { client, failedRest, onLock } = clientFailingTheRest(site, 'HFB', () => lockPath);
    await expect(
      saveThreatEdit(client, 'HFB', renameEdit(model, 'T-1', 'Renamed'), { accountId: '712020:alice', now: actor.now }),
    ).rejects.toThrow();
    expect(failedRest()).toBe(true);
    // The lock was created on the head (201), then given back once the rest failed.
    expect(onLock).toEqual(['PUT 201', 'DELETE 204']);
    await new Promise((r) => setTimeout(r, 50));
    expect(propertyOf(site, 'HFB', lockKey(revision))).toBeUndefined();
    expect((await readThreatModel(siteClient(site), 'HFB')).metaRevision).toBe(revision);
    expect(unhandled).toEqual([]);
  });
});
