import { z } from 'zod';
import { followTaskStatusChange } from '../app/mitigation/follow-task-status-change';
import { appClient } from '../jira/client/clients';

const IssueUpdated = z.looseObject({
  issue: z.looseObject({ id: z.string() }),
  changelog: z
    .looseObject({ items: z.array(z.looseObject({ field: z.string().optional(), fieldId: z.string().optional() })) })
    .optional(),
  selfGenerated: z.boolean().optional(),
});

/**
 * A mitigation task moved: its mitigation's status follows, and the project's risk gets a
 * new point (src/app/mitigation/follow-task-status-change.ts). The app's own changes are
 * filtered out (manifest `ignoreSelf`, and here too).
 */
export async function onIssueUpdated(event: unknown): Promise<void> {
  const parsed = IssueUpdated.safeParse(event);
  if (!parsed.success || parsed.data.selfGenerated) return;
  const statusChanged =
    parsed.data.changelog?.items.some((i) => i.field === 'status' || i.fieldId === 'status') ?? false;
  if (!statusChanged) return;
  await followTaskStatusChange(appClient(), parsed.data.issue.id);
}
