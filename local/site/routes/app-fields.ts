import { JiraError, noContent } from '../http';
import type { Route } from '../router';
import { fieldValueError } from '../field-value-schema';
import { canSeeIssue } from '../security-levels';
import { touch } from './lookup';

// Forge apps write their own custom fields' values here. Only the app itself may: a person's
// credentials are refused, which is why the app checks the person's permission first.
export const appFieldRoutes: Route[] = [
  {
    method: 'PUT',
    template: '/rest/api/3/app/field/{fieldIdOrKey}/value',
    handler: (req) => {
      if (req.principal.accountType !== 'app')
        throw new JiraError(403, ['Only the app that provides this field can update its value.']);
      const field = req.store.get('customField', req.params.fieldIdOrKey ?? '');
      if (!field)
        throw new JiraError(404, [
          `The field '${req.params.fieldIdOrKey}' does not exist or is not provided by this app.`,
        ]);
      const updates = ((req.body ?? {}) as { updates?: unknown }).updates;
      if (!Array.isArray(updates) || updates.length === 0)
        throw new JiraError(400, ['updates must be a non-empty list.']);
      const parsed = updates.map((u: { issueIds?: unknown; value?: unknown }) => {
        if (!Array.isArray(u.issueIds) || u.issueIds.length === 0)
          throw new JiraError(400, ['Every update needs issueIds.']);
        // The same checks as an issue edit (schema, length), but no screen: this API writes the
        // app's own field wherever it is.
        const error = fieldValueError(field, u.value ?? null);
        if (error) throw new JiraError(400, [], { [field.id]: error });
        const issues = u.issueIds.map((id) => {
          const issue = req.store.get('issue', String(id));
          // The app sees every issue (it is a member of every security level), but asks as any caller would.
          if (!issue || !canSeeIssue(req.store, req.principal, issue))
            throw new JiraError(404, [`Issue ${String(id)} does not exist.`]);
          return issue;
        });
        return { issues, value: u.value ?? null };
      });
      for (const { issues, value } of parsed) {
        for (const issue of issues) {
          req.store.put(
            'issue',
            issue.id,
            touch({ ...issue, customFields: { ...issue.customFields, [field.id]: value } }),
          );
          req.emit({
            type: 'issue_updated',
            issueId: issue.id,
            actorAccountId: req.principal.accountId,
            changedFields: [field.id],
          });
        }
      }
      return noContent();
    },
  },
];
