import type { LocalSite } from '../../local/site/server';
import { lockKey } from '../../src/jira/threat-model/model-locks';
import { LOCK_KEY, META_KEY, MetaValue } from '../../src/jira/threat-model/threat-model-shards';

/**
 * The model's write locks a project holds after its edits, against what its meta records: locks
 * of steps made are left for collection (model-locks.ts), so what matters is that none holds the
 * CURRENT revision (the next writer could not take its step), that each left is of a step made
 * at or above the meta's `locks.floor` (the book knows it may remain), and that no lock of an
 * earlier version of the app (`without.model.lock`) is left.
 */
export function modelLocksLeft(
  site: LocalSite,
  projectKey: string,
): { revision: number; floor: number | undefined; left: number[]; single: boolean; current: boolean } {
  const project = site.store.all('project').find((p) => p.key === projectKey);
  if (!project) throw new Error(`No project ${projectKey}`);
  const properties = site.store.all('projectProperty').filter((p) => p.projectId === project.id);
  const meta = MetaValue.parse(properties.find((p) => p.key === META_KEY)?.value);
  const prefix = `${LOCK_KEY}.`;
  const left = properties
    .filter((p) => p.key.startsWith(prefix))
    .map((p) => Number(p.key.slice(prefix.length)))
    .sort((a, b) => a - b);
  return {
    revision: meta.revision,
    floor: meta.locks?.floor,
    left,
    single: properties.some((p) => p.key === LOCK_KEY),
    current: properties.some((p) => p.key === lockKey(meta.revision)),
  };
}

/**
 * The REST path of the write lock of the step from the model's current revision: what a writer
 * holding the model now holds (tests put a value there to make other writers wait, and delete
 * it as a holder that wrote nothing does).
 */
export function currentModelLockPath(site: LocalSite, projectKey: string): string {
  return `/rest/api/3/project/${projectKey}/properties/${lockKey(modelLocksLeft(site, projectKey).revision)}`;
}
