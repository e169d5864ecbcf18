import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';

// What this instance last saw of a project's model: its meta revision (which lock keys an edit
// reads with the model, see lockWindow) and the editors its settings name (which roles the check
// of the person reads beside the model, before the settings are read again). Both are guesses
// that save a round trip when right and cost one when wrong: nothing is decided from them. The
// lock is still created (201) and the person is checked against the settings read by the call.
//
// A warm Forge instance may serve several installations: entries are kept by site.

export interface SeenModel {
  revision: number;
  editorRoleIds: string[];
  editorGroupIds: string[];
}

const MAX_ENTRIES = 2_000;
const seen = new Map<string, SeenModel>();

const idOf = (site: string | undefined, projectKey: string) => `${site ?? ''}\u0000${projectKey}`;

export const lastSeenModel = (site: string | undefined, projectKey: string): SeenModel | undefined =>
  seen.get(idOf(site, projectKey));

/** Remembers what a read (or a write) found. */
export function rememberModel(
  site: string | undefined,
  projectKey: string,
  revision: number,
  settings: Pick<ThreatModelSettings, 'editorRoleIds' | 'editorGroupIds'>,
): void {
  const id = idOf(site, projectKey);
  seen.delete(id); // most recently used last: the oldest go first past the bound
  seen.set(id, {
    revision,
    editorRoleIds: settings.editorRoleIds,
    editorGroupIds: settings.editorGroupIds,
  });
  if (seen.size > MAX_ENTRIES) seen.delete(seen.keys().next().value!);
}

/** People this instance found administering a project: their check needs no role, so none is read early. */
const admins = new Set<string>();

export const wasProjectAdmin = (site: string | undefined, projectKey: string, accountId: string): boolean =>
  admins.has(`${idOf(site, projectKey)}\u0000${accountId}`);

export function rememberProjectAdmin(
  site: string | undefined,
  projectKey: string,
  accountId: string,
  isAdmin: boolean,
): void {
  const id = `${idOf(site, projectKey)}\u0000${accountId}`;
  if (!isAdmin) return void admins.delete(id);
  admins.add(id);
  if (admins.size > MAX_ENTRIES) admins.delete(admins.values().next().value!);
}
