import type { Mitigation } from '../mitigation/mitigation';
import type { StatusCategoryKey } from '../mitigation/task-status';
import type { TaskProperty } from '../mitigation/task-property';
import type { ThreatModel } from '../threat-model/threat-model';

// The audit's fixes for values someone wrote through Jira's REST API that the app cannot read
// (a story's clauses, a task's property), for tasks of deleted mitigations, and for stories done
// too early. The app never writes over what it cannot read on its own: the person is shown the
// raw value first, and the fix names the value it was shown (its fingerprint), so a value that
// changed since is refused instead of overwritten.

/** At most this much of a raw value is shown: enough to recognise it, small enough for the row. */
export const SHOWN_CHARACTERS = 2000;

export interface ShownValue {
  /** The value as JSON (null: there is none), cut at SHOWN_CHARACTERS. */
  text: string | null;
  truncated: boolean;
  /** Names the whole value, shown or not: what a fix sends back to say "the value I saw". */
  fingerprint: string;
}

/** FNV-1a (32 bits) of the text and its length: no crypto in the domain, and no secret to guard. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}-${text.length}`;
}

export function shownValue(raw: unknown): ShownValue {
  if (raw === undefined || raw === null) return { text: null, truncated: false, fingerprint: fnv1a('') };
  const json = JSON.stringify(raw, null, 2) ?? String(raw);
  return {
    text: json.length > SHOWN_CHARACTERS ? json.slice(0, SHOWN_CHARACTERS) : json,
    truncated: json.length > SHOWN_CHARACTERS,
    fingerprint: fnv1a(json),
  };
}

/** The mitigation whose task the model records as this issue: only then is the issue surely a task. */
export const recordedMitigation = (model: ThreatModel, issueId: string): Mitigation | undefined =>
  model.mitigations.find((m) => m.task?.id === issueId);

/** The property the app writes on a mitigation's task, from the model (the authority), never from the issue. */
export const restoredTaskProperty = (mitigation: Mitigation, projectKey: string): TaskProperty => ({
  v: 1,
  mitigationId: mitigation.id,
  threatIds: mitigation.addresses.map((a) => a.threatId),
  projectKey,
});

export interface IssueTransition {
  id: string;
  name: string;
  /** The category of the status it leads to; undefined when Jira did not say. */
  toCategory: StatusCategoryKey | undefined;
}

/**
 * The transition that reopens a done story: to a status not yet started (To Do) when the
 * workflow has one, else to one in progress; undefined when every transition stays done.
 */
export function reopeningTransition(transitions: IssueTransition[]): IssueTransition | undefined {
  return transitions.find((t) => t.toCategory === 'new') ?? transitions.find((t) => t.toCategory === 'indeterminate');
}
