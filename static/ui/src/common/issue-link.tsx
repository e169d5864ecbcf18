import { router } from '@forge/bridge';
import type { MouseEvent, ReactNode } from 'react';

export const issuePath = (key: string) => `/browse/${encodeURIComponent(key)}`;

/** Opens an issue of the site through the host: an app frame cannot navigate Jira itself. */
export function openIssue(key: string): void {
  void router.open(issuePath(key)).catch(() => undefined);
}

/** An issue key as a link: a real href for copying, opened through the host on click. */
export function IssueLink({ issueKey, label, children }: { issueKey: string; label?: string; children?: ReactNode }) {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Modified clicks still go to the host, which decides how to open the issue.
    event.preventDefault();
    openIssue(issueKey);
  }
  return (
    <a href={issuePath(issueKey)} aria-label={label} onClick={onClick}>
      {children ?? issueKey}
    </a>
  );
}
