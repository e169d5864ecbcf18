import { z } from 'zod';
import type { MitigationView } from '../domain/mitigation/mitigation-view';
import type { ThreatRisk } from '../domain/threat-model/threat-risk';
import type { ThreatView } from '../domain/threat-model/threat-view';
import { ThreatId, WithoutClauseDraft, type WithoutClause } from '../domain/story/without-clause';
import { MAX_CLAUSES_PER_STORY } from '../domain/story/story-clauses';
import { endpoint, NoPayload } from './endpoint';
import type { TaskView } from './mitigation';

export const ClausesEdit = z.object({
  /** The revision of the clauses the person started from; a different stored one is a conflict. */
  baseRevision: z.number().int().min(0),
  clauses: z
    .array(WithoutClauseDraft)
    .max(MAX_CLAUSES_PER_STORY, `A story can have at most ${MAX_CLAUSES_PER_STORY} WITHOUT clauses`),
  directThreatIds: z.array(ThreatId).max(100).default([]),
  /** Set only when the person chose to replace a stored value the app cannot read. */
  replaceUnreadable: z.boolean().optional(),
});
export type ClausesEdit = z.infer<typeof ClausesEdit>;

export interface StoryView {
  issueId: string;
  issueKey: string;
  summary: string;
  projectKey: string;
  clauses: WithoutClause[];
  /** Threats linked to the story directly, that no clause covers. */
  directThreatIds: string[];
  /** Every threat the story points at that the model has, by id. */
  threats: Record<string, ThreatView>;
  /** Revision of the stored clauses, to send back with an edit. */
  revision: number;
  /** Mitigations of the story's threats, with their tasks' live status. */
  mitigations: MitigationView[];
  /** Residual and planned risk of each of the story's threats. */
  risk: Record<string, ThreatRisk>;
  /** Set when this issue is a mitigation task: the panel shows the task instead. */
  task: TaskView | null;
  canEdit: boolean;
  canEditThreatModel: boolean;
  /** Whether the person may create (and link) issues, for "Create task". */
  canCreateTasks: boolean;
  /** Stored values that failed their schema, or links to threats that are gone. */
  problems: string[];
  /**
   * What the panel asks `story/changes` about before reading the story again; null when one check
   * cannot cover the view (it shows more tasks than STORY_CHECK_TASKS): the panel then reads it in full.
   */
  seen: StorySeen | null;
}

/** The most tasks one `story/changes` call checks: with the story, one bulk fetch of 100 issues. */
export const STORY_CHECK_TASKS = 99;

/**
 * What a story view was built from, as `story/get` answered it. Input like any payload: a page can
 * send anything here, and the check reads only what the person may read (see storyChanges).
 */
export const StorySeen = z.object({
  /** The project whose threat model the view shows: the story's own. */
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/),
  /** The revision of the story's stored clauses. */
  revision: z.number().int().min(0),
  /** The revision of that project's threat model. */
  modelRevision: z.number().int().min(0),
  /** The issue ids of the tasks the view read (those the person may browse count; see tasksStamp). */
  taskIds: z.array(z.string().regex(/^\d{1,18}$/)).max(STORY_CHECK_TASKS),
  /** A digest of those tasks' keys, statuses and sprints as the view read them. */
  tasks: z.string().regex(/^[0-9a-f]{1,64}$/),
});
export type StorySeen = z.infer<typeof StorySeen>;

/** Whether what the story panel shows may be out of date, and so worth reading again. */
export interface StoryChanges {
  changed: boolean;
}

export const storyEndpoints = {
  'story/get': endpoint<StoryView>()(NoPayload),
  'story/save-clauses': endpoint<StoryView>()(ClausesEdit),
  'story/changes': endpoint<StoryChanges>()(StorySeen),
};
