import type { Finding } from './finding';
import { FINDING_KIND_INFO } from './finding-kinds';
import { listing } from './finding-text';

// The audit runs as the app. A Jira administrator may let the app see issues under a security
// level (a level that grants the app's project role) that some people who browse the project may
// not see, and the audit's result is stored in project properties that every one of them can read
// through the REST API, whatever a view filters. So a finding about such an issue keeps no text
// of it: not its summary, clause text, status or the words a rule matched. It keeps its kind, the
// keys and the model's ids, which is what a person who may see the issue needs to open it.
// https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/

/** The finding, its message rewritten without issue text when it names an issue of `restricted`. */
export function withoutRestrictedText(finding: Finding, restricted: ReadonlySet<string>): Finding {
  const { storyKeys, taskKeys, threatIds, mitigationIds } = finding.entities;
  const keys = [...storyKeys, ...taskKeys];
  const hidden = keys.filter((key) => restricted.has(key));
  if (hidden.length === 0) return finding;
  const named = [...keys, ...threatIds, ...mitigationIds];
  const one = hidden.length === 1;
  return {
    ...finding,
    message:
      `${FINDING_KIND_INFO[finding.kind].title}: ${listing(named, 8)}. ` +
      `${listing(hidden)} ${one ? 'has' : 'have'} a security level, so the audit keeps no text of ${one ? 'it' : 'them'}: ` +
      `open ${one ? 'it' : 'them'} in Jira to see the details.`,
  };
}
