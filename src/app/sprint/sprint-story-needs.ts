import { isCountedType } from '../../domain/audit/story-coverage-settings';
import { modelingNeed } from '../../domain/audit/story-coverage';
import type { SprintStory } from '../../domain/sprint/sprint-view';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../../jira/client/jira-client';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { sprintIssuesInScope, type StoryRuleFields } from '../../jira/sprint/sprint-repository';
import { wrappedScope } from '../../jira/story/story-scope';

/**
 * The sprint's stories, each marked whether it counts for coverage (issue type, and the project's
 * scope JQL: one id-only search when there is one) and, when it counts and has no clause, what the
 * active knowledge bases' rules match in it. No request for the built-in knowledge base alone.
 */
export async function withModelingNeeds(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
  stories: SprintStory[],
  ruleFields: Map<string, StoryRuleFields>,
  model: ThreatModel,
): Promise<{ stories: SprintStory[]; problems: string[] }> {
  const settings = model.settings.storyCoverage;
  const scope = wrappedScope(settings);
  const [inScope, { knowledgeBases, problems }] = await Promise.all([
    scope ? sprintIssuesInScope(user, projectKey, sprintId, scope) : undefined,
    loadActiveKnowledgeBases(user, projectKey, model.settings.knowledgeBases),
  ]);
  const rules = { knowledgeBases, mode: model.settings.knowledgeBases.mode };
  const marked = stories.map((story): SprintStory => {
    const fields = ruleFields.get(story.issueId);
    const counted =
      fields !== undefined && isCountedType(fields.issueType, settings) && (!inScope || inScope.has(story.issueId));
    if (!counted) return { ...story, counted: false };
    if (story.clauses.length > 0) return { ...story, counted: true };
    const need = modelingNeed({ ...fields, summary: story.summary, clauses: [], linkedThreats: [] }, rules);
    const worst = need?.templates[0];
    return {
      ...story,
      counted: true,
      ...(need && worst
        ? { needsModeling: { threats: need.templates.length, severity: worst.severity.band, reasons: need.reasons } }
        : {}),
    };
  });
  return { stories: marked, problems };
}
