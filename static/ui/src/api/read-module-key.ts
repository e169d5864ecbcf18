import { view } from '@forge/bridge';

// Which manifest module (story-panel, project-page, ...) this bundle is rendering for.
export async function readModuleKey(): Promise<string | undefined> {
  try {
    const context = await view.getContext();
    return typeof context.moduleKey === 'string' ? context.moduleKey : undefined;
  } catch {
    return undefined;
  }
}
