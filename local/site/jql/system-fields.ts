import type { LocalIssue } from '../model';
import { issueTypeField, projectField, sprintField, statusCategoryField, statusField } from './catalog-fields';
import { defineField, type FieldSpec } from './field-spec';
import { issueKeyField } from './issue-key-field';
import type { JqlCatalog, JqlContext } from './jql-catalog';
import { descriptionField, summaryField, textField } from './text-fields';
import { typedField } from './typed-field';

/** Jira's system fields that the local site evaluates, by lower-cased name and alias. */
export function systemFields(catalog: JqlCatalog, context: JqlContext): ReadonlyMap<string, FieldSpec> {
  const key = issueKeyField(catalog);
  const issueType = issueTypeField(catalog);
  const created = typedField('date', (issue) => [issue.created], context);
  const updated = typedField('date', (issue) => [issue.updated], context);
  return new Map<string, FieldSpec>([
    ['project', projectField(catalog)],
    ['key', key],
    ['issuekey', key],
    ['issue', key],
    ['id', key],
    ['issuetype', issueType],
    ['type', issueType],
    ['status', statusField(catalog)],
    ['statuscategory', statusCategoryField(catalog)],
    ['labels', labelsField()],
    ['summary', summaryField()],
    ['description', descriptionField()],
    ['text', textField()],
    ['sprint', sprintField(catalog)],
    [
      'assignee',
      typedField('user', (issue) => (issue.assigneeAccountId === null ? [] : [issue.assigneeAccountId]), context),
    ],
    ['reporter', typedField('user', (issue) => [issue.reporterAccountId], context)],
    ['created', created],
    ['createddate', created],
    ['updated', updated],
    ['updateddate', updated],
  ]);
}

// Jira matches labels regardless of case.
function labelsField(): FieldSpec {
  const values = (issue: LocalIssue) => issue.labels.map((label) => label.toLowerCase());
  return defineField({ isEmpty: (issue) => issue.labels.length === 0, values, resolve: (raw) => [raw.toLowerCase()] });
}
