import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { ACCEPTED, type AuditIndex, knownThreats, type ReadStory, taskDone, tasksOf } from './audit-index';
import { type Finding, newFinding } from './finding';
import { listing, quote, issueName, threatName } from './finding-text';

/** Threats a story links directly that none of its clauses covers (retired and unknown ones are their own findings). */
export function uncoveredStoryThreats(index: AuditIndex): Finding[] {
  return index.stories.flatMap(({ story, clauses, directThreatIds }) => {
    const covered = new Set(clauses.flatMap((c) => c.threatIds));
    return knownThreats(index, directThreatIds)
      .filter((t) => t.state === 'active' && !covered.has(t.id))
      .map((t) =>
        newFinding({
          kind: 'story-threat-uncovered',
          key: [story.key, t.id],
          threats: [t],
          entities: { storyKeys: [story.key], threatIds: [t.id] },
          message: `${issueName(story)} links ${threatName(t)} but none of its WITHOUT clauses covers it.`,
          fix: { action: 'add-clause', label: 'Add a WITHOUT clause', target: { storyKey: story.key, threatId: t.id } },
        }),
      );
  });
}

export function clausesWithoutThreat(index: AuditIndex): Finding[] {
  return index.stories.flatMap(({ story, clauses }) =>
    clauses
      .filter((c) => c.threatIds.length === 0)
      .map((c) =>
        newFinding({
          kind: 'clause-without-threat',
          key: [story.key, c.id],
          threats: [],
          entities: { storyKeys: [story.key], clauseId: c.id },
          message: `${issueName(story)}: the WITHOUT clause ${quote(c.text)} is linked to no threat.`,
          fix: { action: 'link-threat', label: 'Link a threat', target: { storyKey: story.key, clauseId: c.id } },
        }),
      ),
  );
}

/** Accepted mitigations of a threat whose work is not done, by the mitigation's status or its tasks'. */
function pendingMitigations(index: AuditIndex, threat: Threat): Mitigation[] {
  return (index.mitigationsByThreat.get(threat.id) ?? []).filter(
    (m) => ACCEPTED.has(m.status) && !tasksOf(index, m).some((task) => taskDone(index, task)),
  );
}

function doneStoryUnmitigated(index: AuditIndex, { story, linkedThreatIds }: ReadStory): Finding[] {
  const threats = knownThreats(index, linkedThreatIds).filter((t) => t.state === 'active');
  const pendingByThreat = threats
    .map((t) => ({ threat: t, pending: pendingMitigations(index, t) }))
    .filter((p) => p.pending.length > 0);
  if (pendingByThreat.length === 0) return [];
  const mitigations = [...new Set(pendingByThreat.flatMap((p) => p.pending))];
  const tasks = [...new Set(mitigations.flatMap((m) => tasksOf(index, m)))];
  const described = mitigations.map((m) => {
    const own = tasksOf(index, m).map((task) => task.key);
    return `${m.id} ${quote(m.title, 60)} (${m.status}, ${own.length > 0 ? own.join(', ') : 'no task'})`;
  });
  return [
    newFinding({
      kind: 'story-done-unmitigated',
      key: [story.key],
      threats: pendingByThreat.map((p) => p.threat),
      entities: {
        storyKeys: [story.key],
        threatIds: pendingByThreat.map((p) => p.threat.id),
        mitigationIds: mitigations.map((m) => m.id),
        taskKeys: tasks.map((task) => task.key),
      },
      message: `${issueName(story)} is done, but mitigations of its threats are not implemented: ${listing(described)}.`,
      fix: { action: 'reopen-story', label: 'Reopen the story', target: { storyKey: story.key } },
    }),
  ];
}

export function doneStoriesUnmitigated(index: AuditIndex): Finding[] {
  return index.stories.filter((s) => s.story.statusCategory === 'done').flatMap((s) => doneStoryUnmitigated(index, s));
}
