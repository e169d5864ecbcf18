import { useEffect, useMemo, useRef, useState } from 'react';
import { STORY_COUNT_PAGE, type ModelSeen, type ThreatListRow } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';

/**
 * Stories per threat, read for the threats on screen (threat-model/story-counts, a page at a
 * time) instead of with the model, which would mean reading every story of the project; all at
 * once only when the person sorts by stories. Counts the model answered itself are kept as
 * they are. A model read again starts the counts afresh (a story may have been linked since),
 * keeping the old numbers on screen until the new ones arrive.
 */
export function useStoryCounts(
  threats: ThreatListRow[],
  seen: ModelSeen,
  shownIds: readonly string[],
  wantAll: boolean,
): ThreatListRow[] {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const mounted = useRef(true);
  // Which model read the asked counts belong to; counts asked under an older one are shown but asked again.
  const generation = useRef({ seen, asked: new Set<string>(), all: false });
  if (generation.current.seen !== seen) generation.current = { seen, asked: new Set(), all: false };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const shownKey = shownIds.join(',');
  useEffect(() => {
    const current = generation.current;
    const merge = (answer: Record<string, number>) => {
      if (mounted.current) setCounts((old) => new Map([...old, ...Object.entries(answer)]));
    };
    if (wantAll && !current.all) {
      current.all = true;
      void callResolver('threat-model/story-counts', { all: true }).then((answer) => {
        if (answer.ok) merge(answer.data.counts);
        else current.all = false;
      });
    }
    const needed = new Set(threats.filter((t) => t.storyCount === null).map((t) => t.id));
    const ids = shownKey
      .split(',')
      .filter((id) => needed.has(id) && !current.asked.has(id))
      .slice(0, STORY_COUNT_PAGE);
    if (ids.length === 0) return;
    for (const id of ids) current.asked.add(id); // not asked again while this answer is on its way
    void callResolver('threat-model/story-counts', { threatIds: ids }).then((answer) => {
      if (answer.ok) merge(answer.data.counts);
      else for (const id of ids) current.asked.delete(id); // the page shown next asks again
    });
  }, [threats, shownKey, wantAll]);

  /** The rows with their counts: the model's own where it had them, else the last read, else null (counting). */
  return useMemo(
    (): ThreatListRow[] =>
      threats.map((t) => (t.storyCount === null ? { ...t, storyCount: counts.get(t.id) ?? null } : t)),
    [threats, counts],
  );
}
