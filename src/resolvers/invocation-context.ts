import { z } from 'zod';

// The resolver context Forge passes. Only accountId (and license, installContext) are
// trustworthy; issue and project ids come from the frontend and are treated as input:
// every read of them goes through Jira as the user, which enforces the user's permissions.
const ExtensionIssue = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string().optional(),
});
const ExtensionProject = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string().optional(),
});

export const InvocationContext = z.looseObject({
  accountId: z.string().min(1),
  moduleKey: z.string().optional(),
  extension: z
    .looseObject({
      type: z.string().optional(),
      issue: ExtensionIssue.optional(),
      project: ExtensionProject.optional(),
    })
    .default({}),
});
export type InvocationContext = z.infer<typeof InvocationContext>;
