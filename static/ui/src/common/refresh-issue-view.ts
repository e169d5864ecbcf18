import { view } from '@forge/bridge';

/**
 * After a panel changed the issue's WITHOUT clauses field, asks Jira to show the issue as it is
 * now: the issue view does not refresh itself when the person viewing it made the change (it
 * assumes they know), so its field would show the old clauses until a reload. The panel already
 * shows the change, so a host that cannot refresh (not an issue view) is fine.
 * https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/
 */
export function refreshIssueView(): void {
  view.refresh().catch(() => undefined);
}
