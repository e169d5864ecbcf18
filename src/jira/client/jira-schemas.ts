import { z } from 'zod';

// The parts of Jira's REST answers this app reads. Objects are loose on purpose: Jira adds
// fields over time and an extra field must never break the app; a missing one must.

export const IssueRecord = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).default({}),
  properties: z.record(z.string(), z.unknown()).default({}),
});
export type IssueRecord = z.infer<typeof IssueRecord>;

export const SearchPage = z.looseObject({
  issues: z.array(IssueRecord),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

export const FieldDetails = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .looseObject({ type: z.string(), custom: z.string().optional(), customId: z.number().optional() })
    .optional(),
});
export const FieldList = z.array(FieldDetails);

export const MyPermissions = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const Myself = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
});

export const Empty = z.unknown();

const IssueStatus = z.looseObject({
  name: z.string(),
  statusCategory: z.looseObject({ key: z.enum(['new', 'indeterminate', 'done']) }),
});

/** An issue's status field as name and category, or undefined when the value is not one. */
export function statusOf(
  value: unknown,
): { statusName: string; categoryKey: 'new' | 'indeterminate' | 'done' } | undefined {
  const status = IssueStatus.safeParse(value);
  return status.success ? { statusName: status.data.name, categoryKey: status.data.statusCategory.key } : undefined;
}

/** What a view shows for a status it could not read. */
export const UNKNOWN_STATUS = { statusName: 'Unknown', categoryKey: 'new' } as const;

/**
 * Whether an issue answer says it has a security level. Jira answers the `security` field with
 * the level, or null without one (when asked for it); anything but null, an absent field too,
 * counts as a level: what the app reads as itself and stores for the whole project to read then
 * leaves the issue out, never shows it (https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/).
 */
export const hasSecurityLevel = (fields: Record<string, unknown>): boolean => fields.security !== null;

/** `{ restricted: true }` for an issue with a security level (hasSecurityLevel), else nothing: to spread into a record. */
export const restrictedOf = (fields: Record<string, unknown>): { restricted?: true } =>
  hasSecurityLevel(fields) ? { restricted: true } : {};
