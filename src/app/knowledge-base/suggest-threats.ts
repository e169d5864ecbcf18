import type { KbSuggest, KbSuggestionsView, ThreatSuggestionView } from '../../contract';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import { storyContextOf } from '../../domain/knowledge-base/story-context';
import { suggestThreats as suggest, type ThreatSuggestion } from '../../domain/knowledge-base/suggest';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { clausesField } from '../../jira/story/clauses-field';
import { readStoryDetails } from '../../jira/story/story-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { AppError } from '../../domain/common/app-error';

function suggestionView(s: ThreatSuggestion, kbs: KnowledgeBase[], clauseIds: string[]): ThreatSuggestionView {
  return {
    knowledgeBaseId: s.knowledgeBaseId,
    knowledgeBaseName: kbs.find((kb) => kb.id === s.knowledgeBaseId)?.name ?? s.knowledgeBaseId,
    templateId: s.template.id,
    title: s.template.title,
    description: s.template.description,
    stride: s.template.stride,
    severity: s.severity,
    reasons: s.reasons,
    generic: s.generic,
    matchedClauseIds: s.clauses.flatMap((i) => (clauseIds[i] === undefined ? [] : [clauseIds[i]])),
    mitigations: s.mitigations.map((m) => ({
      templateId: m.template.id,
      title: m.template.title,
      strength: m.strength,
      top: m.top,
    })),
    ...(s.existingThreatId === undefined ? {} : { existingThreatId: s.existingThreatId }),
  };
}

/**
 * The threats the project's active knowledge bases suggest for the story, read as the person.
 * `inProject`: the page's project, when the story was named by the page (the sprint view): a story
 * of another project is answered as not found.
 */
export async function suggestThreats(
  jira: JiraClients,
  issueId: string,
  { mode: asked }: KbSuggest,
  inProject?: string,
): Promise<KbSuggestionsView> {
  const { user } = jira;
  const field = await clausesField(user);
  const story = await readStoryDetails(user, issueId, field.id);
  if (inProject !== undefined && story.projectKey !== inProject)
    throw new AppError('NOT_FOUND', `${issueId} is not a story of project ${inProject}.`);
  const { model } = await readThreatModel(user, story.projectKey);
  const { knowledgeBases, problems } = await loadActiveKnowledgeBases(
    user,
    story.projectKey,
    model.settings.knowledgeBases,
  );
  const mode = asked ?? model.settings.knowledgeBases.mode;
  const context = storyContextOf(story, model);
  const suggestions = suggest({
    knowledgeBases,
    mode,
    story: context,
    existing: model.threats.map((t) => ({ id: t.id, title: t.title, source: t.source })),
  });
  return {
    mode,
    suggestions: suggestions.map((s) => suggestionView(s, knowledgeBases, context.clauseIds ?? [])),
    knowledgeBases: knowledgeBases.map((kb) => kb.name),
    problems,
  };
}
