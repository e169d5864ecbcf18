import type { KbAccept, StoryView } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { acceptThreatTemplate, findThreatTemplate } from '../../domain/knowledge-base/accept';
import { checkStoryTakesLink, clausesLinkingThreat, linksThreatAlready } from '../../domain/knowledge-base/accept-link';
import { checkClausesRevision } from '../../domain/story/clauses-revision';
import { readStoryClauses } from '../../domain/story/story-clauses';
import { issuePermissions } from '../../jira/client/permissions';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { clausesField } from '../../jira/story/clauses-field';
import { readStory } from '../../jira/story/story-repository';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { storyViewOf } from '../story/story-view';
import { updateStoryClauses } from '../story/update-story-clauses';
import { requireModelEditor } from '../threat-model/require-model-editor';

/**
 * Accepting a suggestion: the threat and its mitigations (proposed) enter the threat model, and a
 * clause of the story links the threat. The person must edit both the model and the story.
 */
export async function acceptSuggestion(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  accept: KbAccept,
): Promise<StoryView> {
  const { user, app } = jira;
  const field = await clausesField(user);
  const story = await readStory(user, issueId, field.id);
  await requireModelEditor(jira, story.projectKey, accountId);
  const perms = await issuePermissions(user, issueId, ['EDIT_ISSUES']);
  if (!perms.EDIT_ISSUES)
    throw new AppError('FORBIDDEN', "You can't link threats to this story: you don't have permission to edit it.");
  const before = readStoryClauses(story.clausesValue);
  checkStoryTakesLink(before, accept);

  const { model: current } = await readThreatModel(user, story.projectKey);
  const { knowledgeBases } = await loadActiveKnowledgeBases(user, story.projectKey, current.settings.knowledgeBases);
  const kb = knowledgeBases.find((k) => k.id === accept.knowledgeBaseId);
  if (!kb)
    throw new AppError('NOT_FOUND', `The knowledge base ${accept.knowledgeBaseId} is not used in ${story.projectKey}.`);
  const template = findThreatTemplate(kb, accept.templateId);

  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(app, story.projectKey, accountId, (model) => {
    const accepted = acceptThreatTemplate(model, kb, template.id, actor);
    return { model: accepted.model, result: accepted.threat };
  });

  if (linksThreatAlready(before.clauses, accept.clauseId, threat.id)) return storyViewOf(jira, issueId, accountId);
  const written = await updateStoryClauses(user, issueId, accountId, (stored) => {
    checkClausesRevision(stored.revision, accept.baseRevision);
    return {
      clauses: clausesLinkingThreat(stored.clauses, accept.clauseId, threat.id, threat.title),
      directThreatIds: stored.directThreatIds,
    };
  });
  return storyViewOf(jira, issueId, accountId, written);
}
