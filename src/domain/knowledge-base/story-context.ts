import { linkedThreatIds, readStoryClauses } from '../story/story-clauses';
import type { ThreatModel } from '../threat-model/threat-model';
import type { StoryContext } from './rule-match';

/** What suggestions read of a story, as its issue holds it (the clauses field's stored value unparsed). */
export interface StoryFields {
  issueType: string;
  labels: string[];
  components: string[];
  summary: string;
  description: string;
  clausesValue: unknown;
}

/** The story as knowledge-base rules see it: its fields, clause texts, and the templates of the threats it links. */
export function storyContextOf(story: StoryFields, model: ThreatModel): StoryContext {
  const { clauses, directThreatIds } = readStoryClauses(story.clausesValue);
  return {
    issueType: story.issueType,
    labels: story.labels,
    components: story.components,
    summary: story.summary,
    description: story.description,
    clauses: clauses.map((c) => c.text),
    clauseIds: clauses.map((c) => c.id),
    linkedThreats: linkedThreatIds(clauses, directThreatIds).map((id) => {
      const source = model.threats.find((t) => t.id === id)?.source;
      return source?.kind === 'knowledge-base' ? { id, templateId: source.templateId } : { id };
    }),
  };
}
