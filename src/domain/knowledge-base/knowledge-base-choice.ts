import { AppError } from '../common/app-error';
import { BUILT_IN_KB_ID, type KnowledgeBaseSettings } from './knowledge-base-settings';

// Which knowledge bases a project uses: the built-in one and those uploaded to it (not removed).

/** The settings with one knowledge base turned on (at the end of the list) or off. */
export const withActive = (settings: KnowledgeBaseSettings, id: string, active: boolean): KnowledgeBaseSettings => ({
  ...settings,
  active: active
    ? settings.active.includes(id)
      ? settings.active
      : [...settings.active, id]
    : settings.active.filter((x) => x !== id),
});

/** Only the built-in knowledge base and the project's uploaded ones can be turned on. */
export function requireKnownKnowledgeBases(
  active: string[],
  uploadedIds: ReadonlySet<string>,
  projectKey: string,
): void {
  const unknown = active.filter((id) => id !== BUILT_IN_KB_ID && !uploadedIds.has(id));
  if (unknown.length > 0)
    throw new AppError(
      'BAD_REQUEST',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a knowledge base of ${projectKey}; reload the page.`,
    );
}

/** The built-in knowledge base is part of the app: it can be turned off, never removed. */
export function requireRemovable(id: string): void {
  if (id === BUILT_IN_KB_ID)
    throw new AppError('BAD_REQUEST', 'The built-in knowledge base cannot be removed; turn it off instead.');
}
