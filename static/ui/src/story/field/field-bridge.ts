import { view } from '@forge/bridge';
import type { StoryClausesValue } from '../../../../../src/domain/story/story-clauses';

// Jira stores what the field's editor submits (or, on issue-create, puts it into the form).
export async function submitFieldValue(value: StoryClausesValue): Promise<void> {
  await view.submit(value);
}

export async function closeFieldEditor(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Jira refused to close the editor: there is nothing else to do from inside it.
  }
}
