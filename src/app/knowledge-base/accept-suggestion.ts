import type { KbAccept, StoryView } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { acceptThreatTemplate, findThreatTemplate } from '../../domain/knowledge-base/accept';
import { checkStoryTakesLink, clausesLinkingThreat, linksThreatAlready } from '../../domain/knowledge-base/accept-link';
import { checkClausesRevision } from '../../domain/story/clauses-revision';
import { readStoryClauses } from '../../domain/story/story-clauses';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { clausesField } from '../../jira/story/clauses-field';
import { readStory } from '../../jira/story/story-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { issuePermissionsOf, rememberThreatModel, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { startStoryViewReads, storyViewOf } from '../story/story-view';
import { updateStoryClauses } from '../story/update-story-clauses';
import { requireModelEditor } from '../threat-model/require-model-editor';

/**
 * Accepting a suggestion: the threat and its mitigations (proposed) enter the threat model, and a
 * clause of the story links the threat. The person must edit both the model and the story: both
 * are checked (with one permissions request, read with the issue) before the model's lock is
 * taken, and each resource is read once; the answer's view reuses them.
 */
export async function acceptSuggestion(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  accept: KbAccept,
): Promise<StoryView> {
  const { user, app } = jira;
  const perms = issuePermissionsOf(jira, issueId);
  perms.catch(() => undefined); // read with the issue, awaited in the checks below
  const field = await clausesField(user);
  const story = await readStory(user, issueId, field.id);
  const projectKey = story.projectKey;
  const stored = threatModelOf(jira, projectKey);
  stored.then((s) => startStoryViewReads(jira, story, s, accountId)).catch(() => undefined);

  const mayAccept = async () => {
    await requireModelEditor(
      jira,
      projectKey,
      accountId,
      perms.then((p) => p.ADMINISTER_PROJECTS === true),
    );
    if (!(await perms).EDIT_ISSUES)
      throw new AppError('FORBIDDEN', "You can't link threats to this story: you don't have permission to edit it.");
    checkStoryTakesLink(readStoryClauses(story.clausesValue), accept);
  };
  const { model: current } = await stored;
  const loading = loadActiveKnowledgeBases(user, projectKey, current.settings.knowledgeBases);
  loading.catch(() => undefined); // awaited once the person is checked

  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(
    app,
    projectKey,
    accountId,
    async (model) => {
      const { knowledgeBases } = await loading;
      const kb = knowledgeBases.find((k) => k.id === accept.knowledgeBaseId);
      if (!kb)
        throw new AppError('NOT_FOUND', `The knowledge base ${accept.knowledgeBaseId} is not used in ${projectKey}.`);
      const accepted = acceptThreatTemplate(model, kb, findThreatTemplate(kb, accept.templateId).id, actor);
      // The view shows the model as written here, not as read before.
      rememberThreatModel(jira, projectKey, { ...(await stored), model: accepted.model });
      return { model: accepted.model, result: accepted.threat };
    },
    { beforeCreate: mayAccept },
  );

  const before = readStoryClauses(story.clausesValue);
  if (linksThreatAlready(before.clauses, accept.clauseId, threat.id))
    return storyViewOf(jira, issueId, accountId, { story });
  const saved = await updateStoryClauses(jira, issueId, accountId, (stored) => {
    checkClausesRevision(stored.revision, accept.baseRevision);
    return {
      clauses: clausesLinkingThreat(stored.clauses, accept.clauseId, threat.id, threat.title),
      directThreatIds: stored.directThreatIds,
    };
  });
  return storyViewOf(jira, issueId, accountId, saved);
}
