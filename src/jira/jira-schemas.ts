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
  schema: z.looseObject({ type: z.string(), custom: z.string().optional(), customId: z.number().optional() }).optional(),
});
export const FieldList = z.array(FieldDetails);

export const MyPermissions = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const Myself = z.looseObject({ accountId: z.string(), displayName: z.string().optional(), emailAddress: z.string().optional() });

export const Empty = z.unknown();
