import { view } from '@forge/bridge';
import { z } from 'zod';

// What Jira tells the custom field's Custom UI about where it is drawn. Parsed at the edge:
// the stored value stays `unknown` here and is read by the domain's own schema later.
const FieldExtension = z.object({
  entryPoint: z.enum(['view', 'edit']),
  renderContext: z.string().optional(),
  fieldValue: z.unknown(),
  issue: z.object({ id: z.string(), key: z.string() }).optional(),
});

export interface FieldContext {
  entryPoint: 'view' | 'edit';
  /** On issue-create there is no issue yet: the value goes into the create form. */
  creating: boolean;
  /** Jira opened the editor because someone clicked the field, so it may take focus. */
  openedByUser: boolean;
  fieldValue: unknown;
}

export async function readFieldContext(): Promise<FieldContext | undefined> {
  try {
    const context = await view.getContext();
    const parsed = FieldExtension.safeParse(context.extension);
    if (!parsed.success) return undefined;
    const { entryPoint, renderContext, fieldValue, issue } = parsed.data;
    const creating = renderContext === 'issue-create' || issue === undefined;
    return { entryPoint, creating, openedByUser: entryPoint === 'edit' && !creating, fieldValue };
  } catch {
    return undefined;
  }
}
