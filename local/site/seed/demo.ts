import type { LocalIssue } from '../model';
import type { Store } from '../store';
import { DEMO_USERS, ISSUE_TYPES, STATUSES, ensureSecurityLevels } from '../base-data';
import { addFieldsToScreens } from '../routes/issue-fields';
import { DEMO_STORIES } from './demo-stories';
import { DEMO_THREATS } from './demo-threats';
import { findThreatTemplate } from '../../../src/domain/knowledge-base/accept';
import { builtInKnowledgeBase } from '../../../src/domain/knowledge-base/active-knowledge-bases';
import { DEMO_MITIGATIONS } from './demo-mitigations';
import { addMitigation, attachTask, followTaskStatus } from '../../../src/domain/threat-model/threat-model';
import { mitigationTaskDescription } from '../../../src/domain/mitigation/mitigation-task-description';
import { projectRisk } from '../../../src/domain/threat-model/residual-risk';
import { statusFromTask } from '../../../src/domain/mitigation/task-status';
import { RISK_HISTORY_KEY } from '../../../src/jira/threat-model/risk-history-repository';
import {
  addThreat,
  emptyThreatModel,
  setThreatState,
  type ThreatModel,
} from '../../../src/domain/threat-model/threat-model';
import { storyClausesValue } from '../../../src/domain/story/story-clauses';
import {
  META_KEY,
  encodeShard,
  packShards,
  shardKey,
  type MetaValue,
} from '../../../src/jira/threat-model/threat-model-shards';

const DAY = 24 * 60 * 60 * 1000;
const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * The demo site: project PAY with a board, a closed, an active and a future sprint, and the
 * payment team's backlog. Runs once: a site that already has PAY is left as it is, so a
 * restart never overwrites what people did.
 */
export function seedDemo(store: Store, now = Date.now()): void {
  if (store.all('project').some((p) => p.key === 'PAY')) return;
  store.transaction(() => {
    const projectId = store.next('project', 10000);
    store.put('project', projectId, {
      id: projectId,
      key: 'PAY',
      name: 'Payments',
      leadAccountId: DEMO_USERS[0]!.accountId,
    });
    // PAY's security level ('10100', "Security team"); no demo issue carries it.
    ensureSecurityLevels(store);
    const members: Array<[number, string[]]> = [
      [10002, [DEMO_USERS[0]!.accountId]],
      [10001, [DEMO_USERS[1]!.accountId]],
      [10003, [DEMO_USERS[2]!.accountId]],
      [10004, [DEMO_USERS[1]!.accountId]],
    ];
    for (const [roleId, accountIds] of members)
      store.put('roleMembership', `${projectId}/${roleId}`, { projectId, roleId, accountIds });
    const boardId = store.next('board', 1);
    store.put('board', boardId, { id: boardId, name: 'PAY board', type: 'scrum', projectId });
    const sprintIds = {
      closed: addSprint(store, boardId, 'PAY Sprint 11', 'closed', 'Login hardening', now - 21 * DAY),
      active: addSprint(
        store,
        boardId,
        'PAY Sprint 12',
        'active',
        'Card payments and refunds at checkout',
        now - 7 * DAY,
      ),
      future: addSprint(store, boardId, 'PAY Sprint 13', 'future', 'Reports and wallets', now + 7 * DAY),
    };
    const clausesField = store.all('customField').find((f) => f.moduleKey === 'without-clauses');
    // The administrator's step after installing: the app's field on the screens of the issue
    // types that carry WITHOUT clauses (a Forge field starts on no screen). Epics stay without.
    if (clausesField) {
      const types = ISSUE_TYPES.filter((t) => t.name !== 'Epic').map((t) => t.id);
      addFieldsToScreens(store, projectId, types, [clausesField.id]);
    }
    DEMO_STORIES.forEach((story, index) => {
      const id = store.next('issue', 10000);
      const created = now - (40 - index) * DAY;
      const clauses = story.clauses?.map((c, i) => ({
        id: `c${index + 1}-${i + 1}`,
        text: c.text,
        threatIds: c.threatIds,
      }));
      const issue: LocalIssue = {
        id,
        key: `PAY-${store.next(`issue-number/${projectId}`)}`,
        projectId,
        issueTypeId: ISSUE_TYPES.find((t) => t.name === (story.type ?? 'Story'))!.id,
        statusId: STATUSES.find((s) => s.name === (story.status ?? 'To Do'))!.id,
        summary: story.summary,
        description: adf(story.description),
        labels: story.labels ?? [],
        reporterAccountId: DEMO_USERS[0]!.accountId,
        creatorAccountId: DEMO_USERS[0]!.accountId,
        assigneeAccountId: story.status && story.status !== 'To Do' ? DEMO_USERS[1]!.accountId : null,
        created: jiraTime(created),
        updated: jiraTime(created + DAY),
        rank: id,
        sprintId: story.sprint ? sprintIds[story.sprint] : null,
        customFields:
          clausesField && (clauses || story.directThreatIds)
            ? { [clausesField.id]: storyClausesValue(clauses ?? [], story.directThreatIds ?? [], 1) }
            : {},
        properties: {},
      };
      store.put('issue', id, issue);
    });
    seedThreatModel(store, projectId, now);
  });
}

/** The threat model as the app stores it, written straight into project properties. */
function seedThreatModel(store: Store, projectId: number, now: number): void {
  const actor = { accountId: DEMO_USERS[0]!.accountId, now: new Date(now - 45 * DAY).toISOString() };
  const base = emptyThreatModel();
  let model: ThreatModel = { ...base, settings: { ...base.settings, editorRoleIds: ['10004'] } };
  const kb = builtInKnowledgeBase();
  for (const { retired, template, ...draft } of DEMO_THREATS) {
    const source = template
      ? {
          kind: 'knowledge-base' as const,
          knowledgeBaseId: kb.id,
          templateId: findThreatTemplate(kb, template).id,
          version: kb.version,
        }
      : undefined;
    const added = addThreat(model, { ...draft }, actor, source);
    model = retired ? setThreatState(added.model, added.threat.id, 1, 'retired', actor).model : added.model;
  }
  const inherent = projectRisk(model.threats, [], model.settings.risk).now;
  for (const { task, ...draft } of DEMO_MITIGATIONS) {
    const added = addMitigation(model, draft, actor);
    model = added.model;
    if (!task) continue;
    const key = seedTask(
      store,
      projectId,
      added.mitigation.id,
      task,
      mitigationTaskDescription(added.mitigation, model.threats, []),
      now,
    );
    model = attachTask(model, added.mitigation.id, key, actor).model;
    const category = task.status === 'Done' ? 'done' : task.status === 'In Progress' ? 'indeterminate' : 'new';
    model = followTaskStatus(
      model,
      added.mitigation.id,
      statusFromTask({ statusName: task.status, categoryKey: category }),
      actor,
    ).model;
  }
  seedRiskHistory(store, projectId, inherent, projectRisk(model.threats, model.mitigations, model.settings.risk), now);
  const shards = packShards([], [...model.threats, ...model.mitigations]);
  for (const shard of shards) {
    store.put('projectProperty', `${projectId}/${shardKey(shard.index)}`, {
      projectId,
      key: shardKey(shard.index),
      value: encodeShard(shard.records, shard.revision),
    });
  }
  const meta: MetaValue = {
    v: 1,
    nextThreatNumber: model.nextThreatNumber,
    nextMitigationNumber: model.nextMitigationNumber,
    settings: model.settings,
    revision: 1,
    shards: shards.map((s) => s.index),
  };
  store.put('projectProperty', `${projectId}/${META_KEY}`, { projectId, key: META_KEY, value: meta });
}

/** A mitigation task in the backlog, as "Create task" makes it (property, label, Mitigates link). */
function seedTask(
  store: Store,
  projectId: number,
  mitigationId: string,
  task: { status: string; daysAgo: number },
  description: unknown,
  now: number,
): { id: string; key: string } {
  const id = store.next('issue', 10000);
  const created = jiraTime(now - task.daysAgo * DAY);
  const mitigation = DEMO_MITIGATIONS.find((_, i) => `M-${i + 1}` === mitigationId)!;
  const issue: LocalIssue = {
    id,
    key: `PAY-${store.next(`issue-number/${projectId}`)}`,
    projectId,
    issueTypeId: ISSUE_TYPES.find((t) => t.name === 'Task')!.id,
    statusId: STATUSES.find((s) => s.name === task.status)!.id,
    summary: `${mitigation.title} (${mitigationId})`,
    description,
    labels: ['without-mitigation'],
    reporterAccountId: DEMO_USERS[0]!.accountId,
    creatorAccountId: DEMO_USERS[0]!.accountId,
    assigneeAccountId: task.status === 'To Do' ? null : DEMO_USERS[1]!.accountId,
    created,
    updated: created,
    rank: id,
    sprintId: null,
    customFields: {},
    properties: {
      'without.task': { v: 1, mitigationId, threatIds: mitigation.addresses.map((a) => a.threatId), projectKey: 'PAY' },
    },
  };
  store.put('issue', id, issue);
  return { id: String(id), key: issue.key };
}

/** Ninety days of risk, falling as the existing and done mitigations came in, up to yesterday. */
function seedRiskHistory(
  store: Store,
  projectId: number,
  inherent: number,
  today: { now: number; planned: number },
  now: number,
): void {
  const points = Array.from({ length: 90 }, (_, i) => {
    const daysAgo = 90 - i;
    const progress = Math.min(1, Math.max(0, (70 - daysAgo) / 50));
    const value = Math.round((inherent - (inherent - today.now) * progress) * 100) / 100;
    return {
      date: new Date(now - daysAgo * DAY).toISOString().slice(0, 10),
      now: value,
      planned: Math.min(value, today.planned + (value - today.now)),
    };
  });
  store.put('projectProperty', `${projectId}/${RISK_HISTORY_KEY}`, {
    projectId,
    key: RISK_HISTORY_KEY,
    value: { v: 1, points },
  });
}

function addSprint(
  store: Store,
  boardId: number,
  name: string,
  state: 'closed' | 'active' | 'future',
  goal: string,
  start: number,
): number {
  const id = store.next('sprint', 1);
  store.put('sprint', id, {
    id,
    boardId,
    name,
    state,
    goal,
    ...(state !== 'future'
      ? { startDate: new Date(start).toISOString(), endDate: new Date(start + 14 * DAY).toISOString() }
      : {}),
    ...(state === 'closed' ? { completeDate: new Date(start + 14 * DAY).toISOString() } : {}),
  });
  return id;
}
