import type { ClauseEvidence } from '../../domain/compliance/clause-evidence';
import { indexStoryLinks, storiesByThreatOf, type StoryLinksIndex } from '../../domain/compliance/story-links-index';
import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import type { AuditStatus } from '../../jira/audit/audit-repository';
import { readStoryIndex } from '../../jira/audit/story-index-repository';
import type { JiraClient } from '../../jira/client/jira-client';
import { jqlString } from '../../jira/client/jql';
import { searchIssues } from '../../jira/client/search-issues';
import { clausesField } from '../../jira/story/clauses-field';
import { countedTypesClause, inProject, wrappedScope } from '../../jira/story/story-scope';
import { storiesJqlOf } from '../threat-model/story-counts';

/** Stories a view reads itself: one search page. A larger backlog is read by the audit's worker. */
export const LIVE_STORIES = 100;

export interface BacklogEvidence {
  /** Story keys by the threat ids they link (clauses or directly). */
  storiesByThreat: Map<string, string[]>;
  /** With its source when not read just now (the last audit, or not counted). */
  clauseEvidence: ClauseEvidence;
  /** The JQL that finds the stories linking a threat, for links to Jira's search (always live). */
  storiesJql: (threatId: string) => string;
}

/**
 * Which stories link which threats, and how many carry clauses, without reading every story:
 * the project's stories (the issue types the settings name, within their scope JQL) and every
 * issue with WITHOUT clauses, one search page as the person; when that page is not the whole
 * backlog, the story index the last audit stored (its worker reads every story within 900 s, a
 * resolver has 25 s: 100 search pages one after another at 10,000 stories took 22-35 s). So a
 * view costs the same requests at 100 or 50,000 stories: the page, then the index (one request).
 * The index was read by the app: like the audit's own findings (audit/get), its story keys are
 * shown to anyone who may browse the project, and Jira decides whether a key opens for them.
 * The JQL is built as the audit's (story-scope): the project first, the scope checked and
 * wrapped, and only the counted issue types the project has, since Jira answers an unknown one with 400.
 */
export async function readBacklogEvidence(
  user: JiraClient,
  projectKey: string,
  settings: ThreatModelSettings,
  projectIssueTypes: string[],
  /** The audit's status, read with the model: where its story index is. */
  audit: AuditStatus | undefined,
  /** Read every story, however many (the command line, which has no 25 s limit). */
  allStories = false,
): Promise<BacklogEvidence> {
  const field = await clausesField(user);
  const coverage = settings.storyCoverage;
  const hasClauses = `${jqlString(field.name)} IS NOT EMPTY`;
  const types = countedTypesClause(coverage, projectIssueTypes);
  const counted = types && [types, wrappedScope(coverage)].filter(Boolean).join(' AND ');
  const read = await searchIssues(user, {
    jql: inProject(projectKey, counted ? `((${counted}) OR ${hasClauses})` : hasClauses),
    fields: [field.id],
    pageSize: LIVE_STORIES,
    ...(allStories ? {} : { limit: LIVE_STORIES }),
  });
  const storiesJql = (threatId: string) => storiesJqlOf(projectKey, field.name, threatId);
  if (allStories || read.length < LIVE_STORIES) {
    const index = indexStoryLinks(read.map((i) => ({ key: i.key, clausesValue: i.fields[field.id] })));
    return fromIndex(index, projectKey, storiesJql);
  }
  const stored = await auditedIndex(user, projectKey, audit);
  if (!stored)
    return {
      storiesByThreat: new Map(),
      clauseEvidence: {
        stories: 0,
        storiesWithClauses: 0,
        clauses: 0,
        linkedClauses: 0,
        source: { kind: 'uncounted', atLeast: LIVE_STORIES },
      },
      storiesJql,
    };
  const backlog = fromIndex(stored.index, projectKey, storiesJql);
  return {
    ...backlog,
    clauseEvidence: { ...backlog.clauseEvidence, source: { kind: 'audit', completedAt: stored.completedAt } },
  };
}

const fromIndex = (
  index: StoryLinksIndex,
  projectKey: string,
  storiesJql: (threatId: string) => string,
): BacklogEvidence => ({
  storiesByThreat: storiesByThreatOf(index, projectKey),
  clauseEvidence: { ...index.evidence },
  storiesJql,
});

/** The story index of the last complete audit, read as the person (one request), when it stored one. */
async function auditedIndex(
  user: JiraClient,
  projectKey: string,
  audit: AuditStatus | undefined,
): Promise<{ index: StoryLinksIndex; completedAt: string } | undefined> {
  const complete = audit?.complete;
  if (!complete?.storyIndexParts) return undefined;
  const index = await readStoryIndex(user, projectKey, { slot: complete.slot, parts: complete.storyIndexParts });
  return index && { index, completedAt: complete.finishedAt };
}
