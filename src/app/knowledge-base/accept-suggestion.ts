import type { KbAccept, StoryView } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { acceptThreatTemplate, findThreatTemplate } from '../../domain/knowledge-base/accept';
import { checkStoryTakesLink, clausesLinkingThreat, linksThreatAlready } from '../../domain/knowledge-base/accept-link';
import { readStoryClauses, storyClausesValue, type StoryClauses } from '../../domain/story/story-clauses';
import { DEFAULT_LEASE_WAIT_MS } from '../../jira/client/property-lease';
import type { Threat } from '../../domain/threat-model/threat';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { clausesField } from '../../jira/story/clauses-field';
import type { StoryRecord } from '../../jira/story/story-repository';
import {
  endModelTurn,
  headOf,
  tryModelTurn,
  withModelLease,
  type ModelTurn,
} from '../../jira/threat-model/threat-model-repository';
import {
  issuePermissionsOf,
  modelWithLockOf,
  readEditorsEarly,
  rememberThreatModel,
  showModelReadWithIssue,
} from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { startStoryViewReads, storyViewOf } from '../story/story-view';
import { updateStoryClauses } from '../story/update-story-clauses';
import { readStoryForAccept } from './accept-story-read';
import { requireModelEditor } from '../threat-model/require-model-editor';

/**
 * Accepting a suggestion: the threat and its mitigations (proposed) enter the threat model, and a
 * clause of the story links the threat. The person must edit both the model and the story: both
 * are checked (one permissions request, read with the issue, the model and both locks) before
 * any lock is taken.
 *
 * The two leases nest, always the story's first and the model's inside it, so two accepts never
 * wait on each other's lock (nothing takes the story's lock while holding the model's). The
 * model's lock is taken while the story is read under its own, and the model is changed only
 * once that story takes the link (its revision is the one the person saw): a refused link
 * writes nothing. The story is written once the model's shards are (beside its meta), so it never
 * links a threat not stored. Both leases are keyed by revision (story-save-lock.ts,
 * model-locks.ts): the story and the model read first are acted on, not read again under the locks.
 *
 * Both locks are created in one round trip: the model's is tried beside the story's first attempt.
 * That holds no lock while waiting for another: when the story's attempt does not take its lock,
 * the model's (nothing written under it) is given back at once, and taken again, in order, once
 * the story's is held. The waits share one budget (a resolver is stopped at 25 s).
 */
export async function acceptSuggestion(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  accept: KbAccept,
  projectHint?: string,
): Promise<StoryView> {
  const { user, app } = jira;
  const startedAt = Date.now();
  const perms = issuePermissionsOf(jira, issueId);
  perms.catch(() => undefined); // read with the issue, awaited in the checks below
  // The panel's project (a hint) is read with the issue; used only if the issue is in it.
  const hinted = projectHint && jira.memo ? modelWithLockOf(jira, projectHint) : undefined;
  hinted?.catch(() => undefined);
  // The roles the hinted project's settings named when last read, read beside the rest (see asModelEditor).
  if (projectHint) readEditorsEarly(jira, projectHint, accountId);
  const field = await clausesField(user);
  // Read with its save locks (see story-save-lock.ts): the story's turn acts on this read.
  const storyReadAt = Date.now();
  // The tasks the answer will show are read in the same request when this instance has shown the
  // story or the person's panel names them (guesses, checked against the model: see readStoryForAccept).
  const first = await readStoryForAccept(jira, issueId, field.id, accept.baseRevision, accept.taskIds);
  const story = first.story;
  const projectKey = story.projectKey;
  const stored = projectHint === projectKey && hinted ? hinted : modelWithLockOf(jira, projectKey);
  showModelReadWithIssue(jira, projectKey, stored);
  stored.then((s) => startStoryViewReads(jira, story, s, accountId)).catch(() => undefined);

  const mayAccept = async () => {
    await requireModelEditor(
      jira,
      projectKey,
      accountId,
      perms.then((p) => p.ADMINISTER_PROJECTS === true),
      // The settings of the read's head: the locks need not wait for the rest of a large model.
      headOf(stored),
    );
    if (!(await perms).EDIT_ISSUES)
      throw new AppError('FORBIDDEN', "You can't link threats to this story: you don't have permission to edit it.");
    checkStoryTakesLink(readStoryClauses(story.clausesValue), accept);
  };
  let checked: Promise<void> | undefined;
  const checkOnce = () => (checked ??= mayAccept());
  const { model: current } = await headOf(stored);
  const loading = loadActiveKnowledgeBases(user, projectKey, current.settings.knowledgeBases);
  loading.catch(() => undefined); // awaited once the person is checked

  const actor = { accountId, now: new Date().toISOString() };
  const waitUntil = startedAt + DEFAULT_LEASE_WAIT_MS;
  // The model's lock, tried beside the story's first attempt (both wait for the person's check).
  let modelFirstTry: Promise<ModelTurn | undefined> | undefined = tryModelTurn(
    app,
    projectKey,
    accountId,
    await headOf(stored),
    {
      beforeCreate: checkOnce,
      whole: stored,
    },
  );
  modelFirstTry.catch(() => undefined); // a refusal is the story's too; awaited by the model's write
  // The give-back is kept: a later call (the `finally` below) awaits the same one, so the call never
  // answers while the first try's lock is still being deleted.
  let givenBack: Promise<void> | undefined;
  const giveBackModelTry = (): Promise<void> | undefined => {
    const tried = modelFirstTry;
    modelFirstTry = undefined;
    if (tried) givenBack = tried.then((turn) => turn && endModelTurn(turn)).catch(() => undefined);
    return givenBack;
  };
  // The story as its turn read it, and the value that links the threat: the answer's tasks are read
  // from them while the model is written, not after.
  let storyHeld: StoryRecord = story;
  let clausesBefore: StoryClauses | undefined;
  const storyTakesLink = settable<void>();
  // Settled once the model is stored, before its lock is released: the story is written meanwhile.
  const threatStored = settable<Threat>();
  let modelWrite: Promise<Threat> | undefined;
  const startModelWrite = () => {
    modelWrite = withModelLease(
      app,
      projectKey,
      accountId,
      async (session) => {
        const threat = await session.change(async (model) => {
          await storyTakesLink.promise;
          const { knowledgeBases } = await loading;
          const kb = knowledgeBases.find((k) => k.id === accept.knowledgeBaseId);
          if (!kb)
            throw new AppError(
              'NOT_FOUND',
              `The knowledge base ${accept.knowledgeBaseId} is not used in ${projectKey}.`,
            );
          const accepted = acceptThreatTemplate(model, kb, findThreatTemplate(kb, accept.templateId).id, actor);
          // The view shows the model as written here, not as read before.
          const after = { ...(await stored), model: accepted.model };
          rememberThreatModel(jira, projectKey, after);
          if (clausesBefore) {
            const { clauses, directThreatIds, revision } = clausesBefore;
            const linked = clausesLinkingThreat(clauses, accept.clauseId, accepted.threat.id, accepted.threat.title);
            const value = storyClausesValue(linked, directThreatIds, revision + 1);
            startStoryViewReads(jira, storyHeld, after, accountId, value);
          }
          // The story may link the threat once its shard is written, beside the meta's write.
          return {
            model: accepted.model,
            result: accepted.threat,
            whenStored: () => threatStored.settle(accepted.threat),
          };
        });
        threatStored.settle(threat);
        return threat;
      },
      {
        beforeCreate: checkOnce,
        firstRead: stored,
        ...(modelFirstTry ? { firstTurn: modelFirstTry } : {}),
        // What is left of the call's budget after the story's wait.
        maxWaitMs: Math.max(0, waitUntil - Date.now()),
      },
    );
    modelFirstTry = undefined; // handed to the model's write, which ends it
    modelWrite.catch((error: unknown) => threatStored.refuse(error));
  };

  try {
    const saved = await updateStoryClauses(
      jira,
      issueId,
      accountId,
      async (before, current) => {
        storyHeld = current;
        clausesBefore = before;
        try {
          checkStoryTakesLink(before, accept);
        } catch (error) {
          storyTakesLink.refuse(error);
          throw error;
        }
        storyTakesLink.settle();
        const threat = await threatStored.promise;
        if (linksThreatAlready(before.clauses, accept.clauseId, threat.id)) return null;
        return {
          clauses: clausesLinkingThreat(before.clauses, accept.clauseId, threat.id, threat.title),
          directThreatIds: before.directThreatIds,
        };
      },
      {
        alsoRequire: checkOnce,
        whenHeld: startModelWrite,
        // The model's first try is kept only beside a story lock taken at the first attempt.
        onFirstAttempt: (taken) => void (taken ? undefined : giveBackModelTry()),
        baseRevision: accept.baseRevision,
        storyRead: { story: Promise.resolve(story), readAt: storyReadAt, keys: first.keys },
        maxWaitMs: Math.max(0, waitUntil - Date.now()),
      },
    );
    return await storyViewOf(jira, issueId, accountId, saved);
  } finally {
    // A story that could not be read or taken leaves the model as it was, and the model's lease
    // is released before the call answers.
    storyTakesLink.refuse(new AppError('CONFLICT', 'The story could not be saved. Reload and try again.'));
    await Promise.all([modelWrite?.catch(() => undefined), giveBackModelTry()]);
  }
}

/** A promise settled from outside, once (later calls change nothing). */
function settable<T>() {
  let settle!: (value: T) => void;
  let refuse!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = resolve;
    refuse = reject;
  });
  promise.catch(() => undefined); // the model's change awaits it; a refusal unawaited is no error
  return { promise, settle, refuse };
}
