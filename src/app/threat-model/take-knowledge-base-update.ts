import type { KbUpdateDecision } from '../../contract';
import { takeKbUpdate } from '../../domain/knowledge-base/take-kb-update';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import type { JiraClients } from '../common/jira-clients';
import { changeWithKnowledgeBases } from './change-with-knowledge-bases';

/** "Take update" or "Keep ours" for a threat whose knowledge-base template changed. */
export const takeKnowledgeBaseUpdate = (
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { threatId, baseRevision, take }: KbUpdateDecision,
): Promise<ThreatView> =>
  changeWithKnowledgeBases(
    jira,
    projectKey,
    accountId,
    (model, { knowledgeBases }, actor) => takeKbUpdate(model, threatId, baseRevision, take, knowledgeBases, actor),
    threatId,
  );
