import { fail, ok } from '../../../../src/domain/envelope';
import type { StoryView, ThreatRow } from '../../../../src/domain/resolver-contract';
import type { ThreatView } from '../../../../src/domain/threat-view';
import { aThreatView } from './threat-view-mother';
import { fakeBridge } from './fake-bridge';

const CONFLICT = 'Someone else changed this story’s WITHOUT clauses since you opened it.';

/**
 * The story and threat-model resolvers over one story and one model held in memory, keeping
 * the contract's rules the UI relies on: revisions, conflicts, `threats` as the linked subset.
 */
export function givenStoryBackend(initial: StoryView, model: ThreatView[] = []) {
  let story = withThreats(initial, model);

  fakeBridge.answer('story/get', () => ok(story));
  fakeBridge.answer('story/save-clauses', (edit) => {
    if (edit.baseRevision !== story.revision) return fail('CONFLICT', CONFLICT);
    story = withThreats({ ...story, ...edit, revision: story.revision + 1 }, model);
    return ok(story);
  });
  fakeBridge.answer('threat-model/get', () =>
    ok({
      projectKey: story.projectKey,
      threats: model.map(row),
      mitigations: [],
      risk: { now: 0, planned: 0, inherent: 0 },
      history: [],
      canEdit: story.canEditThreatModel,
      canCreateTasks: story.canCreateTasks,
      problems: [],
    }),
  );
  fakeBridge.answer('threat-model/create-threat', ({ draft }) => {
    const created = aThreatView(`T-${model.length + 1}`, draft);
    model.push(created);
    return ok(created);
  });

  return {
    get story(): StoryView {
      return story;
    },
    /** Another person saves the story: the next save from the panel is a conflict. */
    changedElsewhere(change: Partial<StoryView>): void {
      story = withThreats({ ...story, ...change, revision: story.revision + 1 }, model);
    },
  };
}

function withThreats(story: StoryView, model: ThreatView[]): StoryView {
  const linked = new Set([...story.clauses.flatMap((clause) => clause.threatIds), ...story.directThreatIds]);
  const threats = Object.fromEntries(model.filter((threat) => linked.has(threat.id)).map((threat) => [threat.id, threat]));
  return { ...story, threats };
}

const row = (threat: ThreatView): ThreatRow => ({
  ...threat,
  risk: { residual: threat.severity.score, planned: threat.severity.score, fullyMitigated: false },
  storyCount: 0,
  storiesJql: `issue.property[without] ~ "${threat.id}"`,
});
