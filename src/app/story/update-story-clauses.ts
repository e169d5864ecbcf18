import { AppError } from '../../domain/common/app-error';
import type { ClausesEdit } from '../../contract';
import {
  readStoryClauses,
  storyClausesValue,
  type StoryClauses,
  type StoryClausesValue,
} from '../../domain/story/story-clauses';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { clausesField } from '../../jira/story/clauses-field';
import { endStoryTurn, lockFloorWrite, storyLockWindow, takeStoryTurn } from '../../jira/story/story-save-lock';
import { readStory, writeStoryClauses, type StoryRecord } from '../../jira/story/story-repository';
import type { StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import { issuePermissionsOf, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

const UNREADABLE_CLAUSES =
  "This story's stored WITHOUT clauses cannot be read, so the app will not write over them. Restore them from the issue's history, or replace them with yours.";

/**
 * Every link a story holds, as "where|threat": a clause's own links and the direct ones apart, so a
 * threat linked directly does not let a save link it, retired, to a clause as well.
 */
function linkPairs(edit: Pick<ClausesEdit, 'clauses' | 'directThreatIds'>): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const clause of edit.clauses) for (const id of clause.threatIds) pairs.set(`clause:${clause.id}|${id}`, id);
  for (const id of edit.directThreatIds) pairs.set(`direct|${id}`, id);
  return pairs;
}

/** New links must point at active threats; links the story already had are kept as they are. */
function checkNewLinks(
  edit: Pick<ClausesEdit, 'clauses' | 'directThreatIds'>,
  before: Pick<ClausesEdit, 'clauses' | 'directThreatIds'>,
  model: ThreatModel,
  projectKey: string,
): void {
  const had = linkPairs(before);
  for (const [pair, id] of linkPairs(edit)) {
    if (had.has(pair)) continue;
    const threat = model.threats.find((t) => t.id === id);
    if (!threat) throw new AppError('BAD_REQUEST', `${id} is not in ${projectKey}'s threat model.`);
    if (threat.state === 'retired')
      throw new AppError(
        'BAD_REQUEST',
        `${id} is retired and cannot be linked. Reactivate it in the threat model first.`,
      );
  }
  const ids = edit.clauses.map((c) => c.id);
  if (new Set(ids).size !== ids.length)
    throw new AppError('BAD_REQUEST', 'Two clauses have the same id. Reload and try again.');
}

/** What a save wrote, and what it read under the story's lease (the view shows them without reading again). */
export interface SavedClauses {
  /** Undefined when the change had nothing to write. */
  value?: StoryClausesValue;
  story: StoryRecord;
  stored: StoredThreatModel;
}

export interface UpdateOptions {
  replaceUnreadable?: boolean;
  /** Called once the story and its model are read, while the value (`next`) is written: reads the answer needs can start. */
  whileWriting?: (story: StoryRecord, stored: StoredThreatModel, next: unknown) => void;
  /**
   * The project the panel was opened in (frontend input): its model is read with the lock and
   * the permissions, in the first round trip, instead of after the story. It is used only when
   * the story read under the lock is in that project; else the story's own project is read.
   */
  projectHint?: string;
  /** A check more before the lock is taken (run with the edit permission's). */
  alsoRequire?: () => Promise<void>;
  /** Called once the lock is held: work that waits for the lock. */
  whenHeld?: () => void;
  /**
   * The revision the person started from (frontend input): it only picks which of the story's
   * lock keys are read with it (storyLockWindow); the lock is keyed by the revision read.
   */
  baseRevision?: number;
  /**
   * The story as the caller read it, the lock keys it asked for with it (storyLockWindow when not
   * given, or storyLockKeysForBulkRead), and when that read was sent: not read again.
   */
  storyRead?: { story: Promise<StoryRecord>; readAt: number; keys?: string[] };
  /** How long to wait for another save of the story (a caller's share of its time budget, or tests). */
  maxWaitMs?: number;
  /** See StoryTurnOptions.onFirstAttempt. */
  onFirstAttempt?: (taken: boolean) => void;
  /** The lease's clock (tests). */
  now?: () => number;
}

/** A change of the clauses; null when there is nothing to write. */
export type ClausesChange = (
  before: StoryClauses,
  story: StoryRecord,
) => ClausesEditPart | null | Promise<ClausesEditPart | null>;
type ClausesEditPart = Pick<ClausesEdit, 'clauses' | 'directThreatIds'>;

/**
 * Changes a story's clauses as the person: their edit permission is checked first (while the
 * story's lock is read, before it is taken; Jira checks it again on the write), the story's lock
 * property serializes saves, new links must point at active threats, and the revision grows by one.
 */
export async function updateStoryClauses(
  jira: JiraClients,
  issueIdOrKey: string,
  holder: string,
  change: ClausesChange,
  options: UpdateOptions = {},
): Promise<SavedClauses> {
  const { user } = jira;
  const perms = issuePermissionsOf(jira, issueIdOrKey);
  perms.catch(() => undefined); // awaited before the lock is taken
  // Read once through the call's memo: without one (the CLI) the hint would only cost a read.
  if (options.projectHint && jira.memo) threatModelOf(jira, options.projectHint).catch(() => undefined);
  const mayEdit = async () => {
    const also = options.alsoRequire?.();
    also?.catch(() => undefined); // awaited after the edit permission, whose refusal comes first
    if (!(await perms).EDIT_ISSUES)
      throw new AppError(
        'FORBIDDEN',
        "You can't change this story's WITHOUT clauses: you don't have permission to edit it.",
      );
    await also;
  };
  const { id: fieldId } = await clausesField(user);
  const readAt = options.storyRead?.readAt ?? Date.now();
  const first =
    options.storyRead?.story ?? readStory(user, issueIdOrKey, fieldId, storyLockWindow(options.baseRevision));
  first.catch(() => undefined); // awaited by the turn
  const turn = await takeStoryTurn(user, issueIdOrKey, {
    holder,
    fieldId,
    first,
    firstReadAt: readAt,
    ...(options.storyRead?.keys ? { firstKeys: options.storyRead.keys } : {}),
    ...(options.baseRevision !== undefined ? { baseRevision: options.baseRevision } : {}),
    beforeCreate: mayEdit,
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.onFirstAttempt ? { onFirstAttempt: options.onFirstAttempt } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    options.whenHeld?.();
    const current = turn.story;
    const before = readStoryClauses(current.clausesValue);
    // A value the app cannot read is kept unless the person, having seen the problem, chose to
    // replace it with what they wrote: no link, fix or suggestion silently writes over it.
    if (before.problems.length > 0 && !options.replaceUnreadable)
      throw new AppError('INVALID_DATA', UNREADABLE_CLAUSES);
    const edit = await change(before, current);
    // The model as this call read it (the story's lease does not cover the model either way).
    const stored = await threatModelOf(jira, current.projectKey);
    if (edit === null) return { story: current, stored };
    checkNewLinks(edit, before, stored.model, current.projectKey);
    const next = storyClausesValue(edit.clauses, edit.directThreatIds, before.revision + 1);
    options.whileWriting?.(current, stored, next);
    // The lock floor, when it moves, goes in the story's own write: no request of its own. It waits
    // for the old locks' deletes, sent beside the lock's create, so they are answered by now.
    const floor = await lockFloorWrite(turn);
    // The change may have waited (an accept waits for the model's write): write only while the
    // lease surely holds, else a save that took the lock over after its expiry could be written over.
    turn.lease.assertHeld();
    turn.wrote = true; // from here on the lock is this save's record: kept
    await writeStoryClauses(user, current.id, fieldId, next, floor ? [floor] : []);
    return { value: next, story: current, stored };
  } finally {
    await endStoryTurn(turn);
  }
}
