import { JiraError, type SiteRequest } from '../http';
import type { LocalIssue } from '../model';

// Validation and application of the `fields` and `update` parts of create and edit, with
// Jira's error messages keyed by field id.

const SUMMARY_MAX = 255;
const CUSTOM_VALUE_MAX = 32768;

type FieldErrors = Record<string, string>;

const isAdf = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'doc' &&
  (value as { version?: unknown }).version === 1;

const asRecord = (value: unknown, what: string): Record<string, unknown> => {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JiraError(400, [`${what} must be an object.`]);
  return value as Record<string, unknown>;
};

export const readBody = (req: SiteRequest) => {
  const body = asRecord(req.body, 'The request body');
  return {
    fields: asRecord(body.fields, 'fields'),
    update: asRecord(body.update, 'update'),
    properties: body.properties,
  };
};

/** Applies editable fields to an issue, collecting every error before failing, as Jira does. */
export function applyFields(
  req: SiteRequest,
  issue: LocalIssue,
  fields: Record<string, unknown>,
  errors: FieldErrors,
): LocalIssue {
  let next = { ...issue, customFields: { ...issue.customFields } };
  for (const [id, value] of Object.entries(fields)) {
    if (id === 'project' || id === 'issuetype') continue;
    if (id === 'summary') {
      if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
      else if (value.length > SUMMARY_MAX) errors.summary = `Summary must be less than ${SUMMARY_MAX} characters.`;
      else next.summary = value;
    } else if (id === 'description') {
      if (value !== null && !isAdf(value))
        errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
      else next.description = value;
    } else if (id === 'labels') {
      if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l) || l === ''))
        errors.labels = 'Labels must be a list of strings without spaces.';
      else next.labels = [...new Set(value as string[])];
    } else if (id === 'assignee') {
      const accountId = value === null ? null : (value as { accountId?: unknown })?.accountId;
      if (accountId !== null && (typeof accountId !== 'string' || !req.store.get('user', accountId)))
        errors.assignee = `User '${String(accountId)}' cannot be assigned issues.`;
      else next = { ...next, assigneeAccountId: accountId };
    } else if (req.store.get('customField', id)) {
      const error = customFieldError(value);
      if (error) errors[id] = error;
      else next.customFields[id] = value;
    } else {
      errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
  }
  return next;
}

const customFieldError = (value: unknown): string | undefined => {
  if (value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return 'The value of this field must be a JSON object.';
  if (JSON.stringify(value).length > CUSTOM_VALUE_MAX)
    return `The value of this field is too long. The maximum length is ${CUSTOM_VALUE_MAX} characters.`;
  return undefined;
};

/** The `update` verbs Jira supports for labels: add, remove, set. */
export function applyLabelUpdates(issue: LocalIssue, update: Record<string, unknown>, errors: FieldErrors): LocalIssue {
  const operations = update.labels;
  if (operations === undefined) return issue;
  if (!Array.isArray(operations)) {
    errors.labels = 'Label updates must be a list of operations.';
    return issue;
  }
  let labels = [...issue.labels];
  for (const op of operations as Array<Record<string, unknown>>) {
    if (typeof op.add === 'string') labels = [...new Set([...labels, op.add])];
    else if (typeof op.remove === 'string') labels = labels.filter((l) => l !== op.remove);
    else if (Array.isArray(op.set)) labels = [...new Set(op.set.filter((l): l is string => typeof l === 'string'))];
    else errors.labels = 'Unsupported label operation.';
  }
  return { ...issue, labels };
}

export const failOnErrors = (errors: FieldErrors): void => {
  if (Object.keys(errors).length > 0) throw new JiraError(400, [], errors);
};
