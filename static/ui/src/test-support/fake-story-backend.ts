import { fail, ok } from '../../../../src/domain/common/envelope';
import {
  DEFAULT_RISK_RULES,
  isFullyMitigated,
  plannedRisk,
  residualRisk,
} from '../../../../src/domain/threat-model/residual-risk';
import { DEFAULT_RISK_SETTINGS } from '../../../../src/domain/threat-model/risk-settings';
import {
  indexEntry,
  type MitigationView,
  type ResolverKey,
  type StoryView,
  type TaskSummary,
  type ThreatRisk,
  type ThreatRow,
} from '../../../../src/contract';
import { statusFromTask } from '../../../../src/domain/mitigation/task-status';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import { aThreatView } from './threat-view-mother';
import { fakeBridge } from './fake-bridge';

const CONFLICT = 'Someone else changed this story’s WITHOUT clauses since you opened it.';
const STAMP = { accountId: '712020:alice', at: '2025-01-01T00:00:00.000Z' };

/**
 * The story, threat-model and mitigation resolvers over one story and one model held in
 * memory, keeping the contract's rules the UI relies on: revisions, conflicts, `threats` as
 * the linked subset, `mitigations` of those threats with their tasks' live status, and the
 * risk worked out by the domain's own rules.
 */
export function givenStoryBackend(
  initial: StoryView,
  model: ThreatView[] = [],
  initialMitigations: MitigationView[] = [],
) {
  let mitigations = initialMitigations.map((m) => live(m));
  let nextTaskNumber = 100;
  const build = (view: StoryView) => withModel(view, model, mitigations);
  let story = build(initial);
  const gates = new Map<string, Promise<void>>();
  // Answers of a paused resolver wait for the test to release them.
  const answer: typeof fakeBridge.answer = (key, respond) =>
    fakeBridge.answer(key, async (payload) => {
      await gates.get(key);
      return respond(payload);
    });

  answer('story/get', () => ok((story = build(story))));
  answer('story/save-clauses', (edit) => {
    if (edit.baseRevision !== story.revision) return fail('CONFLICT', CONFLICT);
    story = build({ ...story, ...edit, revision: story.revision + 1 });
    return ok(story);
  });
  answer('threat-model/get', () =>
    ok({
      projectKey: story.projectKey,
      index: {
        entries: model.map((threat) => indexEntry(row(threat, mitigations))),
        storiesJql: ['issue.property[without] ~ "', '"'],
      },
      risk: { now: 0, planned: 0, inherent: 0 },
      riskPolicy: {
        settings: DEFAULT_RISK_SETTINGS,
        tolerance: 80,
        tierLabel: 'Standard exposure',
        aboveTolerance: false,
        canAccept: false,
        today: '2025-03-10',
        latestUntil: '2026-03-10',
      },
      history: [],
      seen: { revision: 1, readAt: 0, auditAt: null, issues: 6, libraryStamp: null },
      canEdit: story.canEditThreatModel,
      canCreateTasks: story.canCreateTasks,
      problems: [],
    }),
  );
  answer('threat-model/threats', ({ ids }) =>
    ok({
      threats: model.filter((t) => ids.includes(t.id)).map((threat) => row(threat, mitigations)),
      mitigations: mitigations.filter((m) => m.addresses.some((a) => ids.includes(a.threatId))),
      questions: {},
    }),
  );
  answer('threat-model/create-threat', ({ draft }) => {
    const created = aThreatView(`T-${model.length + 1}`, draft);
    model.push(created);
    return ok(created);
  });
  answer('mitigation/add', ({ draft }) => {
    if (!story.canEditThreatModel) return fail('FORBIDDEN', 'You can’t change SHOP’s mitigations.');
    const number = Math.max(0, ...mitigations.map((m) => Number(m.id.slice(2)))) + 1;
    const added: MitigationView = {
      ...draft,
      id: `M-${number}`,
      task: null,
      storedStatus: draft.status,
      created: STAMP,
      updated: STAMP,
      revision: 1,
    };
    mitigations = [...mitigations, added];
    return ok(added);
  });
  answer('mitigation/update', ({ id, baseRevision, draft }) => {
    const current = mitigations.find((m) => m.id === id);
    if (!current) return fail('NOT_FOUND', `Mitigation ${id} is not in this project's threat model.`);
    if (current.revision !== baseRevision)
      return fail('CONFLICT', `Someone else changed ${id} while you were editing. Reload to see their version.`);
    const edited = live({ ...current, ...draft, storedStatus: draft.status, revision: current.revision + 1 });
    mitigations = mitigations.map((m) => (m.id === id ? edited : m));
    // Like the resolver, the answer has no live task status.
    return ok({
      ...edited,
      status: draft.status,
      task: edited.task && { ...edited.task, statusName: 'Unknown', categoryKey: 'new' },
    });
  });
  answer('mitigation/create-task', ({ mitigationId }) => {
    const current = mitigations.find((m) => m.id === mitigationId);
    if (!current) return fail('NOT_FOUND', `Mitigation ${mitigationId} is not in this project's threat model.`);
    if (current.storedStatus === 'rejected')
      return fail('BAD_REQUEST', `${mitigationId} is rejected; accept it before creating its task.`);
    if (current.task) return ok(current);
    const key = `${story.projectKey}-${nextTaskNumber++}`;
    const storedStatus = current.storedStatus === 'proposed' ? 'accepted' : current.storedStatus;
    const created = live({
      ...current,
      storedStatus,
      task: { id: `2${key.replace(/\D/g, '')}`, key, statusName: 'To Do', categoryKey: 'new' },
      revision: current.revision + 1,
    });
    mitigations = mitigations.map((m) => (m.id === mitigationId ? created : m));
    return ok(created);
  });

  return {
    get story(): StoryView {
      return story;
    },
    get mitigations(): MitigationView[] {
      return mitigations;
    },
    /** Holds the answers of `key` until the returned function is called. */
    pause(key: ResolverKey): () => void {
      let release!: () => void;
      gates.set(
        key,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return () => {
        gates.delete(key);
        release();
      };
    },
    /** Another person saves the story: the next save from the panel is a conflict. */
    changedElsewhere(change: Partial<StoryView>): void {
      story = build({ ...story, ...change, revision: story.revision + 1 });
    },
    /** Someone moves a mitigation's task in Jira, e.g. to Done: the next read shows it. */
    taskMoved(mitigationId: string, status: Pick<TaskSummary, 'statusName' | 'categoryKey'>): void {
      mitigations = mitigations.map((m) =>
        m.id === mitigationId && m.task ? live({ ...m, task: { ...m.task, ...status } }) : m,
      );
    },
    /** Someone edits a mitigation elsewhere: the panel's copy becomes a revision behind. */
    mitigationChangedElsewhere(mitigationId: string, change: Partial<MitigationView>): void {
      mitigations = mitigations.map((m) =>
        m.id === mitigationId ? live({ ...m, ...change, revision: m.revision + 1 }) : m,
      );
    },
  };
}

/** The status a mitigation shows: its task's, unless it is rejected. */
function live(mitigation: MitigationView): MitigationView {
  const status =
    mitigation.task && mitigation.storedStatus !== 'rejected'
      ? statusFromTask(mitigation.task)
      : mitigation.storedStatus;
  return { ...mitigation, status };
}

function withModel(story: StoryView, model: ThreatView[], mitigations: MitigationView[]): StoryView {
  const linked = new Set([...story.clauses.flatMap((clause) => clause.threatIds), ...story.directThreatIds]);
  const known = model.filter((threat) => linked.has(threat.id));
  const threats = Object.fromEntries(known.map((threat) => [threat.id, threat]));
  const theirs = mitigations.filter((m) => m.addresses.some((a) => linked.has(a.threatId)));
  const risk = Object.fromEntries(known.map((threat) => [threat.id, riskOf(threat, mitigations)]));
  return { ...story, threats, mitigations: theirs, risk };
}

function riskOf(threat: ThreatView, mitigations: MitigationView[]): ThreatRisk {
  return {
    residual: residualRisk(threat, mitigations, DEFAULT_RISK_RULES),
    planned: plannedRisk(threat, mitigations, DEFAULT_RISK_RULES),
    fullyMitigated: isFullyMitigated(threat, mitigations, DEFAULT_RISK_RULES),
  };
}

const row = (threat: ThreatView, mitigations: MitigationView[]): ThreatRow => ({
  ...threat,
  risk: riskOf(threat, mitigations),
  acceptanceState: 'none',
  storyCount: 0,
  questionKeys: [],
  answeredQuestions: 0,
  mitigationCount: mitigations.filter((m) => m.addresses.some((a) => a.threatId === threat.id)).length,
  questionCount: 0,
  storiesJql: `issue.property[without] ~ "${threat.id}"`,
});
