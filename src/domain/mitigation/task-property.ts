import { z } from 'zod';

export const TASK_PROPERTY_KEY = 'without.task';

// The `without.task` issue property that makes an issue a mitigation task (indexed for JQL in
// manifest.yml). jira/ writes and searches it; the audit reads raw values of it.
export const TaskProperty = z.object({
  v: z.literal(1),
  mitigationId: z.string(),
  threatIds: z.array(z.string()),
  projectKey: z.string(),
  /** The claim the model recorded before the app created this task (see Mitigation.taskClaim). */
  claim: z.string().optional(),
});
export type TaskProperty = z.infer<typeof TaskProperty>;

/** The property, or the sentence saying why it cannot be read; a missing property is a problem too. */
export function readTaskProperty(
  raw: unknown,
): { property: TaskProperty; problem?: undefined } | { property?: undefined; problem: string } {
  if (raw === undefined || raw === null) return { problem: `it has no ${TASK_PROPERTY_KEY} property` };
  const parsed = TaskProperty.safeParse(raw);
  if (parsed.success) return { property: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  return { problem: `its ${TASK_PROPERTY_KEY} property is not valid${where}: ${first?.message ?? 'unknown problem'}` };
}
