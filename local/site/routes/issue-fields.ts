import { JiraError, type SiteRequest } from '../http';
import type { LocalIssue } from '../model';
import { FIELD_VALUE_MAX, fieldValueError } from '../field-value-schema';
import type { Store } from '../store';
import { hasProjectPermission } from '../permissions';
import { isSecurityLevelMember, securityLevelsOf } from '../security-levels';

// Validation and application of the `fields` and `update` parts of create and edit, with
// Jira's error messages keyed by field id.

const SUMMARY_MAX = 255;

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
      // Jira Cloud refuses a description over 32,767 characters with this bare message
      // (https://jira.atlassian.com/browse/JRACLOUD-78553); the document's JSON is counted here,
      // which is stricter than its text alone.
      else if (value !== null && JSON.stringify(value).length > FIELD_VALUE_MAX)
        throw new JiraError(400, ['CONTENT_LIMIT_EXCEEDED']);
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
    } else if (id === 'security') {
      const chosen = chosenSecurityLevel(req, issue, value);
      if ('error' in chosen) errors.security = chosen.error;
      else {
        const { securityLevelId: _previous, ...rest } = next;
        next = chosen.levelId === undefined ? rest : { ...rest, securityLevelId: chosen.levelId };
      }
    } else {
      const field = req.store.get('customField', id);
      if (!field || !isOnScreen(req.store, issue, id)) {
        errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
        continue;
      }
      const error = fieldValueError(field, value);
      if (error) errors[id] = error;
      else next.customFields[id] = value;
    }
  }
  return next;
}

/**
 * The level the `security` field names: `{ "id": "10100" }` (the id a string, as Jira reads it:
 * https://github.com/badoo/jira-client/pull/19) or `{ "name": "Security team" }`, or null for
 * none. Only people with "Set Issue Security" in the issue's project may set it; to anyone else
 * the field is not on the screen, and Jira Cloud answers so
 * (https://github.com/gnl42/JiraConnector/issues/75). And only to a level of the issue's project
 * that they are a member of; any other id or name Jira Cloud answers "Specify a valid value for
 * Security Level" (https://github.com/openshift-eng/art-tools/pull/2987).
 * https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/
 */
function chosenSecurityLevel(
  req: SiteRequest,
  issue: LocalIssue,
  value: unknown,
): { levelId: string | undefined } | { error: string } {
  const project = req.store.get('project', issue.projectId);
  if (!project || !hasProjectPermission(req.store, req.principal, project, 'SET_ISSUE_SECURITY'))
    return { error: "Field 'security' cannot be set. It is not on the appropriate screen, or unknown." };
  if (value === null) return { levelId: undefined };
  const ref = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as { id?: unknown; name?: unknown };
  if (typeof ref.id !== 'string' && typeof ref.name !== 'string')
    return { error: "Could not find valid 'id' or 'name' in security level object." };
  const level = securityLevelsOf(req.store, project.id).find((l) =>
    typeof ref.id === 'string' ? l.id === ref.id : l.name === ref.name,
  );
  if (!level || !isSecurityLevelMember(req.store, req.principal, level, issue))
    return { error: 'Specify a valid value for Security Level' };
  return { levelId: level.id };
}

/**
 * Whether a custom field is on the create/edit screen of the issue's type in its project. Jira
 * refuses a create or edit that sets a field not on the screen, and a Forge app's custom field
 * is on no screen until an administrator adds it.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
export const isOnScreen = (store: Store, issue: Pick<LocalIssue, 'projectId' | 'issueTypeId'>, fieldId: string) =>
  store.get('screen', screenId(issue.projectId, issue.issueTypeId))?.fieldIds.includes(fieldId) === true;

export const screenId = (projectId: number, issueTypeId: string) => `${projectId}/${issueTypeId}`;

/** Puts custom fields on the screens of these issue types of a project (the admin's step). */
export function addFieldsToScreens(store: Store, projectId: number, issueTypeIds: string[], fieldIds: string[]): void {
  for (const issueTypeId of issueTypeIds) {
    const id = screenId(projectId, issueTypeId);
    const current = store.get('screen', id)?.fieldIds ?? [];
    store.put('screen', id, { projectId, issueTypeId, fieldIds: [...new Set([...current, ...fieldIds])] });
  }
}

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
