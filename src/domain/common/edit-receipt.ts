import { z } from 'zod';

// An edit whose answer was lost (Jira failed after storing it, the network dropped the reply)
// is sent again by the person with the same base revision and the same values. The record
// keeps a receipt of its last edit, so that retry is recognised as the edit already stored,
// not answered with a conflict against the person's own change.

export const EditReceipt = z.object({
  accountId: z.string(),
  baseRevision: z.number().int().min(0),
  digest: z.string(),
});
export type EditReceipt = z.infer<typeof EditReceipt>;

/** FNV-1a over the JSON of the values: stable, pure, and enough to tell two drafts apart. */
export function digestOf(values: unknown): string {
  const text = JSON.stringify(values) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

export const receiptFor = (accountId: string, baseRevision: number, values: unknown): EditReceipt => ({
  accountId,
  baseRevision,
  digest: digestOf(values),
});

/** Whether the stored record's last edit is this very edit (same person, base and values). */
export const isSameEdit = (stored: EditReceipt | undefined, edit: EditReceipt): boolean =>
  stored !== undefined &&
  stored.accountId === edit.accountId &&
  stored.baseRevision === edit.baseRevision &&
  stored.digest === edit.digest;
