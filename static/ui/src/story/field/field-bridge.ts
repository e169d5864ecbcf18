import { view } from '@forge/bridge';
import type { Envelope } from '../../../../../src/domain/common/envelope';
import type { StoryClausesValue } from '../../../../../src/domain/story/story-clauses';

// Jira stores what the field's editor submits on the issue view; on issue-create it keeps the
// last value submitted in the create form and stores it with the issue when Create is selected.

/** Saves the value on the issue view: an envelope, so a failure can be shown and retried like any save. */
export async function submitFieldValue(value: StoryClausesValue): Promise<Envelope<null>> {
  try {
    await view.submit(value);
    return { ok: true, data: null };
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Puts the value into the create form; it is stored with the issue. */
export async function submitToForm(value: StoryClausesValue): Promise<void> {
  await view.submit(value);
}

export async function closeFieldEditor(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Jira refused to close the editor: there is nothing else to do from inside it.
  }
}
