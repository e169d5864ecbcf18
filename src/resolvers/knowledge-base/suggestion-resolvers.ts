import type Resolver from '@forge/resolver';
import { AppError } from '../../domain/common/app-error';
import { acceptThreatTemplate, clauseTextFor, findThreatTemplate } from '../../domain/knowledge-base/accept';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import type { StoryContext } from '../../domain/knowledge-base/rule-match';
import { suggestThreats, type ThreatSuggestion } from '../../domain/knowledge-base/suggest';
import {
  KbAccept,
  KbSuggest,
  type KbSuggestionsView,
  type StoryView,
  type ThreatSuggestionView,
} from '../../domain/resolver-contract';
import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { WithoutClause } from '../../domain/story/without-clause';
import { issuePermissions } from '../../jira/client/permissions';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { clausesField } from '../../jira/story/clauses-field';
import { readStory, readStoryDetails, type StoryDetails } from '../../jira/story/story-repository';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { appClient, userClient } from '../../jira/client/clients';
import { issueIdOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { requireModelEditor } from '../model-editor';
import { storyViewOf } from '../../app/story/story-view';
import { updateStoryClauses } from '../../app/story/update-story-clauses';

// Threat suggestions from knowledge bases for the story in the issue panel, and accepting one:
// the threat and its mitigations (proposed) enter the threat model, and a clause links it.

function storyContextOf(story: StoryDetails, model: ThreatModel): StoryContext {
  const { clauses, directThreatIds } = readStoryClauses(story.clausesValue);
  return {
    issueType: story.issueType,
    labels: story.labels,
    components: story.components,
    summary: story.summary,
    description: story.description,
    clauses: clauses.map((c) => c.text),
    linkedThreats: linkedThreatIds(clauses, directThreatIds).map((id) => {
      const source = model.threats.find((t) => t.id === id)?.source;
      return source?.kind === 'knowledge-base' ? { id, templateId: source.templateId } : { id };
    }),
  };
}

function suggestionView(s: ThreatSuggestion, kbs: KnowledgeBase[]): ThreatSuggestionView {
  return {
    knowledgeBaseId: s.knowledgeBaseId,
    knowledgeBaseName: kbs.find((kb) => kb.id === s.knowledgeBaseId)?.name ?? s.knowledgeBaseId,
    templateId: s.template.id,
    title: s.template.title,
    description: s.template.description,
    stride: s.template.stride,
    severity: s.severity,
    reasons: s.reasons,
    mitigations: s.mitigations.map((m) => ({
      templateId: m.template.id,
      title: m.template.title,
      strength: m.strength,
      top: m.top,
    })),
    ...(s.existingThreatId === undefined ? {} : { existingThreatId: s.existingThreatId }),
  };
}

/** The clauses after linking the threat: to the chosen clause, or to a new one named after it. */
function linkedClauses(
  clauses: WithoutClause[],
  clauseId: string | undefined,
  threatId: string,
  title: string,
): WithoutClause[] {
  if (clauseId !== undefined) {
    if (!clauses.some((c) => c.id === clauseId))
      throw new AppError(
        'CONFLICT',
        'The clause you chose is no longer on this story. Reload to see the current clauses.',
      );
    return clauses.map((c) =>
      c.id === clauseId && !c.threatIds.includes(threatId) ? { ...c, threatIds: [...c.threatIds, threatId] } : c,
    );
  }
  if (clauses.some((c) => c.threatIds.includes(threatId))) return clauses;
  const text = clauseTextFor(title);
  const same = clauses.find((c) => c.text.trim().toLowerCase() === text.toLowerCase());
  if (same) return clauses.map((c) => (c === same ? { ...c, threatIds: [...c.threatIds, threatId] } : c));
  if (clauses.length >= 50)
    throw new AppError(
      'BAD_REQUEST',
      'This story already has 50 WITHOUT clauses; choose one of them to link the threat to.',
    );
  const ids = new Set(clauses.map((c) => c.id));
  let n = clauses.length + 1;
  while (ids.has(`kb-${n}`)) n += 1;
  return [...clauses, { id: `kb-${n}`, text, threatIds: [threatId] }];
}

export function registerKnowledgeBaseResolvers(resolver: Resolver): void {
  defineResolver(
    resolver,
    'knowledge-base/suggest',
    KbSuggest,
    async ({ payload, context }): Promise<KbSuggestionsView> => {
      const user = userClient();
      const field = await clausesField(user);
      const story = await readStoryDetails(user, issueIdOf(context), field.id);
      const { model } = await readThreatModel(user, story.projectKey);
      const { knowledgeBases, problems } = await loadActiveKnowledgeBases(
        user,
        story.projectKey,
        model.settings.knowledgeBases,
      );
      const mode = payload.mode ?? model.settings.knowledgeBases.mode;
      const suggestions = suggestThreats({
        knowledgeBases,
        mode,
        story: storyContextOf(story, model),
        existing: model.threats.map((t) => ({ id: t.id, title: t.title, source: t.source })),
      });
      return {
        mode,
        suggestions: suggestions.map((s) => suggestionView(s, knowledgeBases)),
        knowledgeBases: knowledgeBases.map((kb) => kb.name),
        problems,
      };
    },
  );

  defineResolver(resolver, 'knowledge-base/accept', KbAccept, async ({ payload, context }): Promise<StoryView> => {
    const issueId = issueIdOf(context);
    const user = userClient();
    const field = await clausesField(user);
    const story = await readStory(user, issueId, field.id);
    await requireModelEditor(user, story.projectKey, context.accountId);
    const perms = await issuePermissions(user, issueId, ['EDIT_ISSUES']);
    if (!perms.EDIT_ISSUES)
      throw new AppError('FORBIDDEN', "You can't link threats to this story: you don't have permission to edit it.");
    const before = readStoryClauses(story.clausesValue);
    // Checked before the threat is added, so a refused link leaves the model as it was.
    if (before.problems.length > 0)
      throw new AppError(
        'INVALID_DATA',
        "This story's stored WITHOUT clauses cannot be read, so no threat can be linked to it until they are restored or replaced in the story panel.",
      );
    if (before.revision !== payload.baseRevision)
      throw new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes.");
    if (payload.clauseId !== undefined && !before.clauses.some((c) => c.id === payload.clauseId)) {
      throw new AppError(
        'CONFLICT',
        'The clause you chose is no longer on this story. Reload to see the current clauses.',
      );
    }

    const { model: current } = await readThreatModel(user, story.projectKey);
    const { knowledgeBases } = await loadActiveKnowledgeBases(user, story.projectKey, current.settings.knowledgeBases);
    const kb = knowledgeBases.find((k) => k.id === payload.knowledgeBaseId);
    if (!kb)
      throw new AppError(
        'NOT_FOUND',
        `The knowledge base ${payload.knowledgeBaseId} is not used in ${story.projectKey}.`,
      );
    const template = findThreatTemplate(kb, payload.templateId);

    const actor = { accountId: context.accountId, now: new Date().toISOString() };
    const threat = await changeThreatModel(appClient(), story.projectKey, context.accountId, (model) => {
      const accepted = acceptThreatTemplate(model, kb, template.id, actor);
      return { model: accepted.model, result: accepted.threat };
    });

    const unchanged =
      payload.clauseId !== undefined
        ? before.clauses.some((c) => c.id === payload.clauseId && c.threatIds.includes(threat.id))
        : before.clauses.some((c) => c.threatIds.includes(threat.id));
    if (unchanged) return storyViewOf(user, issueId, context.accountId);
    const written = await updateStoryClauses(user, issueId, context.accountId, (stored) => {
      if (stored.revision !== payload.baseRevision)
        throw new AppError(
          'CONFLICT',
          "Someone else changed this story's WITHOUT clauses. Reload to see their changes.",
        );
      return {
        clauses: linkedClauses(stored.clauses, payload.clauseId, threat.id, threat.title),
        directThreatIds: stored.directThreatIds,
      };
    });
    return storyViewOf(user, issueId, context.accountId, written);
  });
}
