import type { StoryContext } from '../knowledge-base/rule-match';
import type { AuditIndex, ReadStory } from './audit-index';
import { type Finding, newFinding, SEVERITY_OF_BAND } from './finding';
import { issueName, listing, quote } from './finding-text';
import { modelingNeed, type ModelingNeed, storyCoverage, type StoryCoverage } from './story-coverage';

interface CountedStory {
  read: ReadStory;
  /** Undefined when the story has clauses (it is covered) or no rule matches it. */
  need: ModelingNeed | undefined;
}

const contextOf = ({ story }: ReadStory, counted: NonNullable<ReadStory['story']['counted']>): StoryContext => ({
  issueType: counted.issueType,
  labels: counted.labels,
  components: counted.components,
  summary: story.summary,
  description: counted.description,
  clauses: [],
  linkedThreats: [],
});

// Both the finding and the coverage read the same matches: each story is matched once per run.
const cache = new WeakMap<AuditIndex, CountedStory[]>();

function countedStories(index: AuditIndex): CountedStory[] {
  let counted = cache.get(index);
  if (!counted) {
    const rules = index.input.storyRules;
    counted = index.stories.flatMap((read) => {
      const fields = read.story.counted;
      if (!fields) return [];
      const need = read.clauses.length > 0 || !rules ? undefined : modelingNeed(contextOf(read, fields), rules);
      return [{ read, need }];
    });
    cache.set(index, counted);
  }
  return counted;
}

/** Stories with clauses out of the stories that need them; undefined when the audit had no rules to ask. */
export function auditCoverage(index: AuditIndex): StoryCoverage | undefined {
  if (!index.input.storyRules) return undefined;
  return storyCoverage(
    countedStories(index).map((s) => ({ hasClauses: s.read.clauses.length > 0, matched: !!s.need })),
  );
}

/**
 * Counted stories with no WITHOUT clause that the knowledge bases' rules match. A story that
 * links threats directly, or whose clauses value cannot be read, is left to the findings that
 * already name it (story-threat-uncovered, invalid-story-clauses), so one gap is told once.
 */
export function storiesNeedingModeling(index: AuditIndex): Finding[] {
  return countedStories(index).flatMap(({ read, need }) => {
    if (!need || read.directThreatIds.length > 0 || read.problems.length > 0) return [];
    const { story } = read;
    const top = need.templates[0]!;
    const count = need.templates.length;
    const finding = newFinding({
      kind: 'story-needs-threat-modeling',
      key: [story.key],
      threats: [],
      entities: { storyKeys: [story.key] },
      message:
        `${issueName(story)} has no WITHOUT clause, but ${count} ${count === 1 ? 'threat' : 'threats'} of the knowledge base apply to it ` +
        `(most severe: ${quote(top.title, 60)}, ${top.severity.band}). Matched: ${listing(need.reasons, 6)}.`,
      fix: { action: 'open-story', label: 'Suggest threats', target: { storyKey: story.key } },
    });
    // The templates' severity, not the kind's default: a story about refunds is as urgent as its worst threat.
    return [{ ...finding, severity: SEVERITY_OF_BAND[top.severity.band], score: top.severity.score }];
  });
}
