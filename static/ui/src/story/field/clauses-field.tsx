import { Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { ClausesFieldEditor } from './clauses-field-editor';
import { ClausesFieldView } from './clauses-field-view';
import { useFieldContext } from './use-field-context';

// The "WITHOUT clauses" custom field: read in the issue sidebar, edited in place or on issue-create.
export function ClausesField() {
  const state = useFieldContext();
  // A small spinner: the view sits in the issue sidebar, among Jira's own fields.
  if (state.loading) return <Spinner size="small" label="Loading WITHOUT clauses" />;

  const { context } = state;
  if (!context) {
    return (
      <Text as="p" size="small" color="color.text.warning">
        Jira did not say which field to show. Reload the page.
      </Text>
    );
  }
  if (context.entryPoint === 'view') return <ClausesFieldView fieldValue={context.fieldValue} />;
  return (
    <ClausesFieldEditor
      fieldValue={context.fieldValue}
      creating={context.creating}
      openedByUser={context.openedByUser}
    />
  );
}
