// The `extension` part of the Forge context Jira gives the WITHOUT clauses field.
export interface FieldExtension extends Record<string, unknown> {
  type: 'jira:customField';
  fieldId: string;
  fieldType: 'object';
  fieldValue: unknown;
  renderContext: 'issue-view' | 'issue-create';
  entryPoint: 'view' | 'edit';
  issue?: { id: string; key: string };
  project: { id: string; key: string };
}

export function aFieldOnIssueView(entryPoint: 'view' | 'edit', fieldValue: unknown): FieldExtension {
  return {
    type: 'jira:customField',
    fieldId: 'customfield_10100',
    fieldType: 'object',
    fieldValue,
    renderContext: 'issue-view',
    entryPoint,
    issue: { id: '10042', key: 'PAY-42' },
    project: { id: '10000', key: 'PAY' },
  };
}

/** On issue-create there is no issue yet, and Jira draws the editor in the create form. */
export function aFieldOnIssueCreate(fieldValue: unknown = null): FieldExtension {
  const { issue: _none, ...extension } = aFieldOnIssueView('edit', fieldValue);
  return { ...extension, renderContext: 'issue-create' };
}
