import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { ThreatEdit, ThreatStateChange, type ThreatModelView, type ThreatRow } from '../../domain/resolver-contract';
import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import { ThreatDraft, type Threat } from '../../domain/threat-model/threat';
import { addThreat, type Actor, type ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { canEditThreatModel, projectPermissions } from '../../jira/client/permissions';
import { liveModel } from '../../jira/threat-model/project-risk';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import { mitigationsByThreat } from '../../domain/threat-model/residual-risk';
import { appFieldName, CLAUSES_FIELD_KEY, findAppFieldId } from '../../jira/story/clauses-field';
import type { JiraClient } from '../../jira/client/jira-client';
import { searchIssues } from '../../jira/client/search-issues';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { saveThreatEdit } from '../../jira/threat-model/threat-edit-queue';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import { appClient, userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { requireModelEditor } from '../model-editor';
import { jqlString } from '../../jira/client/jql';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { threatKnowledgeView } from '../../domain/knowledge-base/threat-knowledge-view';

/** How many stories link each threat: one search over the project's stories with clauses. */
async function storyCounts(
  user: JiraClient,
  projectKey: string,
): Promise<{ counts: Map<string, number>; fieldName: string }> {
  const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
  const fieldName = await appFieldName(user, CLAUSES_FIELD_KEY);
  const stories = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND ${jqlString(fieldName)} IS NOT EMPTY`,
    fields: [fieldId],
  });
  const counts = new Map<string, number>();
  for (const story of stories) {
    const { clauses, directThreatIds } = readStoryClauses(story.fields[fieldId]);
    for (const id of linkedThreatIds(clauses, directThreatIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { counts, fieldName };
}

type ModelChange = (model: ThreatModel, actor: Actor) => { model: ThreatModel; threat: Threat };

async function change(projectKey: string, accountId: string, apply: ModelChange): Promise<ThreatView> {
  const user = userClient();
  await requireModelEditor(user, projectKey, accountId);
  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(appClient(), projectKey, accountId, (model) => {
    const changed = apply(model, actor);
    return { model: changed.model, result: changed.threat };
  });
  return threatView(threat);
}

/** Edits of one existing threat: many people saving at once share turns (threat-edit-queue). */
async function editOneThreat(projectKey: string, accountId: string, edit: ThreatEditRequest): Promise<ThreatView> {
  await requireModelEditor(userClient(), projectKey, accountId);
  return threatView(await saveThreatEdit(appClient(), projectKey, edit, { accountId, now: new Date().toISOString() }));
}

export function registerThreatModelResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'threat-model/get', z.object({}), async ({ context }): Promise<ThreatModelView> => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    const stored = await readThreatModel(user, projectKey);
    const [{ counts, fieldName }, canEdit, live, history, perms, kbs] = await Promise.all([
      storyCounts(user, projectKey),
      canEditThreatModel(user, appClient(), { projectKey, accountId: context.accountId }, stored.model.settings),
      liveModel(user, projectKey, stored.model),
      readRiskHistory(user, projectKey),
      projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']),
      loadActiveKnowledgeBases(user, projectKey, stored.model.settings.knowledgeBases),
    ]);
    const byThreat = mitigationsByThreat(asMitigations(live.mitigations));
    const knowledge = threatKnowledgeView(stored.model, kbs.knowledgeBases);
    const threats: ThreatRow[] = stored.model.threats.map((t) => ({
      ...threatView(t),
      risk: threatRisk(t, byThreat.get(t.id) ?? []),
      storyCount: counts.get(t.id) ?? 0,
      storiesJql: `project = ${jqlString(projectKey)} AND ${jqlString(fieldName)}.threat = ${jqlString(t.id)}`,
      ...(knowledge.byThreat.get(t.id) ?? { questionKeys: [], answeredQuestions: 0 }),
    }));
    return {
      projectKey,
      threats,
      questions: knowledge.questions,
      mitigations: live.mitigations,
      risk: live.risk,
      history: history.points,
      canEdit,
      canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
      problems: [...stored.problems, ...(history.problem ? [history.problem] : []), ...kbs.problems],
    };
  });

  defineResolver(resolver, 'threat-model/create-threat', z.object({ draft: ThreatDraft }), ({ payload, context }) =>
    change(projectKeyOf(context), context.accountId, (model, actor) => addThreat(model, payload.draft, actor)),
  );

  defineResolver(resolver, 'threat-model/update-threat', ThreatEdit, ({ payload, context }) =>
    editOneThreat(projectKeyOf(context), context.accountId, { kind: 'update-threat', ...payload }),
  );

  defineResolver(resolver, 'threat-model/set-threat-state', ThreatStateChange, ({ payload, context }) =>
    editOneThreat(projectKeyOf(context), context.accountId, { kind: 'set-threat-state', ...payload }),
  );
}
