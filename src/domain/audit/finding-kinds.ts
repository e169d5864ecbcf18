// Every kind of audit finding, with the severity it gets when no active threat is involved
// (otherwise the highest severity band of its active threats decides), and the words the
// reports show for it (SARIF rules, help text).

export const FINDING_KINDS = [
  'model-unreadable',
  'invalid-story-clauses',
  'invalid-task-property',
  'threat-without-story',
  'story-threat-uncovered',
  'clause-without-threat',
  'threat-without-mitigation',
  'mitigation-without-task',
  'orphan-task',
  'task-unrecorded',
  'story-done-unmitigated',
  'link-to-retired-threat',
  'link-to-unknown-threat',
  'status-out-of-sync',
  'questions-unanswered',
  'acceptance-expired',
  'story-needs-threat-modeling',
  'verification-failed',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Most severe first. */
export const FINDING_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface FindingKindInfo {
  /** Used when none of the finding's threats is active (or it names no threat). */
  defaultSeverity: FindingSeverity;
  title: string;
  description: string;
  help: string;
}

export const FINDING_KIND_INFO: Record<FindingKind, FindingKindInfo> = {
  'model-unreadable': {
    defaultSeverity: 'critical',
    title: 'Threat model not readable',
    description:
      'Parts of the threat model stored on the project could not be read, so the audit may miss findings or report wrong ones.',
    help: 'Review the unreadable parts in the audit: each is shown raw, with a download of the whole value and what removing it does. The app never writes over them on its own, and edits keep them as they are. A project administrator may remove one part (a shard, one threat or mitigation inside a shard, or the settings and id counters when no id could be handed out again); that cannot be undone except by restoring the download through the REST API, which is also how a Jira administrator restores a part. Until then every other finding is in doubt.',
  },
  'invalid-story-clauses': {
    defaultSeverity: 'high',
    title: 'WITHOUT clauses value not valid',
    description:
      "A story's WITHOUT clauses field holds a value that is not valid (for example written through the REST API), so the app reads it as no clauses.",
    help: "Restore the value from the issue's history, or review it in the audit (the raw value is shown) and replace it with no clauses, then write the story's clauses again.",
  },
  'invalid-task-property': {
    defaultSeverity: 'high',
    title: 'Mitigation task property not valid',
    description:
      'The without.task property of a mitigation task is missing or not valid, so the app cannot tell which mitigation the task carries.',
    help: "Review the property in the audit (the raw value is shown): set it again from the mitigation the threat model records the issue for, or, if it is no mitigation's task, remove the app's label and property.",
  },
  'threat-without-story': {
    defaultSeverity: 'low',
    title: 'Threat linked to no story',
    description:
      'An active threat of the threat model is linked to no story, neither through a WITHOUT clause nor directly.',
    help: 'Is a story or a WITHOUT clause missing? Link the threat to the stories it threatens, or retire it if it no longer applies.',
  },
  'story-threat-uncovered': {
    defaultSeverity: 'medium',
    title: 'Story threat not covered by a WITHOUT clause',
    description: 'A story is linked to a threat directly, but none of its WITHOUT clauses covers that threat.',
    help: 'Add a WITHOUT clause that says, in the words of the story, what must not happen, and link it to the threat.',
  },
  'clause-without-threat': {
    defaultSeverity: 'medium',
    title: 'WITHOUT clause linked to no threat',
    description: 'A WITHOUT clause of a story is linked to no threat, so no mitigation follows from it.',
    help: 'Link the clause to the threats of the threat model it is about, or add the threat that is missing.',
  },
  'threat-without-mitigation': {
    defaultSeverity: 'medium',
    title: 'Threat without an accepted mitigation',
    description: 'An active threat has no mitigation, or only proposed or rejected ones.',
    help: 'Add a mitigation, or accept one of the proposed mitigations.',
  },
  'mitigation-without-task': {
    defaultSeverity: 'medium',
    title: 'Accepted mitigation without a task',
    description: 'A mitigation is accepted, planned or in progress, but no task in the backlog carries it.',
    help: 'Create the task from the mitigation so the work is planned like any other backlog item.',
  },
  'orphan-task': {
    defaultSeverity: 'medium',
    title: 'Task of a deleted mitigation or threat',
    description: 'A mitigation task names a mitigation or threats that are no longer in the threat model.',
    help: 'Unlink or close the task, or point it at the mitigation that replaced the deleted one.',
  },
  'task-unrecorded': {
    defaultSeverity: 'high',
    title: 'Suspicious mitigation task',
    description:
      "An issue's without.task property says it carries a mitigation, but the threat model records another task for that mitigation, none, or the property names another project. Anyone who may edit an issue can write that property, so the app ignores the issue's status.",
    help: 'Open the issue: if it is not the task the app created, remove its without.task property (or the issue). If it is, create the task again from the mitigation, which adopts it.',
  },
  'story-done-unmitigated': {
    defaultSeverity: 'medium',
    title: 'Story done, mitigations not',
    description: 'A story is done while accepted mitigations of its threats are not implemented yet.',
    help: 'Finish the mitigation tasks, or reopen the story: it shipped without the security work that belongs to it.',
  },
  'link-to-retired-threat': {
    defaultSeverity: 'low',
    title: 'Link to a retired threat',
    description: 'A story links a retired threat, through a WITHOUT clause or directly.',
    help: 'Remove the link, or reactivate the threat if it still applies.',
  },
  'link-to-unknown-threat': {
    defaultSeverity: 'medium',
    title: 'Link to an unknown threat',
    description: 'A story links a threat id that is not in the threat model, through a WITHOUT clause or directly.',
    help: 'Remove the link, or link the threat that was meant.',
  },
  'status-out-of-sync': {
    defaultSeverity: 'high',
    title: 'Threat mitigated on paper, tasks still open',
    description:
      'The mitigations of a threat are implemented or existing on paper (full strength), but every task that carries them is still open.',
    help: 'Check the tasks: if the work is not done, set the mitigation status back; if it is, close the tasks.',
  },
  'verification-failed': {
    defaultSeverity: 'high',
    title: 'Mitigation failed verification',
    description:
      'A mitigation marked implemented or existing failed its newest verification: a security test (SARIF) still reports a weakness mapped to it, or a person recorded a failed check. It counts as not implemented for residual risk.',
    help: 'Fix the weakness and upload the next test run (or run npx without verify --record), or record a verification note once it is checked by hand.',
  },
  'questions-unanswered': {
    defaultSeverity: 'critical',
    title: 'Critical threat with unanswered STRIDE questions',
    description:
      'An active critical threat has STRIDE questions from the knowledge base that the team has not answered, so nobody has checked how the system stands against it.',
    help: "Open the threat's STRIDE questions on the Threat model tab and answer each: yes, no or not applicable, with a note.",
  },
  'story-needs-threat-modeling': {
    defaultSeverity: 'medium',
    title: 'Story needs threat modeling',
    description:
      'A story has no WITHOUT clause, but the rules of the active knowledge bases match it (its words, labels, components or type), so it changes something the threat model should look at.',
    help: 'Open the story and use "Suggest threats": link the threats that apply with a WITHOUT clause each, or write the clause by hand.',
  },
  'acceptance-expired': {
    defaultSeverity: 'medium',
    title: 'Risk acceptance expired',
    description:
      "Someone accepted an active threat's residual risk until a date that has passed, or the threat has since been rated more severe than what was accepted, so the threat counts as unmitigated again.",
    help: 'Renew the acceptance with a new reason and date if the risk is still acceptable, or let it lapse and mitigate the threat.',
  },
};
