import type { AuditIndex, ReadStory } from './audit-index';
import { type Finding, newFinding } from './finding';
import { listing, quote, issueName, threatName } from './finding-text';

/** Where a story links a threat: the clauses naming it, and whether it is linked directly too. */
function linkPlaces(
  { clauses, directThreatIds }: ReadStory,
  threatId: string,
): { clauses: ReadStory['clauses']; direct: boolean; words: string } {
  const naming = clauses.filter((c) => c.threatIds.includes(threatId));
  const direct = directThreatIds.includes(threatId);
  const words = listing([
    ...naming.map((c) => `in the WITHOUT clause ${quote(c.text, 60)}`),
    ...(direct ? ['directly'] : []),
  ]);
  return { clauses: naming, direct, words };
}

function deadLinks(index: AuditIndex, read: ReadStory): Finding[] {
  const { story } = read;
  return read.linkedThreatIds.flatMap((id) => {
    const threat = index.threats.get(id);
    if (threat?.state === 'active') return [];
    const places = linkPlaces(read, id);
    const clauseId = places.clauses[0]?.id;
    const where = clauseId === undefined ? {} : { clauseId };
    return [
      newFinding({
        kind: threat ? 'link-to-retired-threat' : 'link-to-unknown-threat',
        key: [story.key, id],
        threats: threat ? [threat] : [],
        entities: { storyKeys: [story.key], threatIds: [id], ...where },
        message: threat
          ? `${issueName(story)} links ${threatName(threat)} ${places.words}, but that threat is retired.`
          : `${issueName(story)} links ${id} ${places.words}, but the threat model has no such threat.`,
        fix: {
          action: 'remove-link',
          label: 'Remove the link',
          target: { storyKey: story.key, threatId: id, ...where },
        },
      }),
    ];
  });
}

/** Links, through a clause or directly, to a retired threat or to an id the threat model does not have. */
export function deadThreatLinks(index: AuditIndex): Finding[] {
  return index.stories.flatMap((s) => deadLinks(index, s));
}
