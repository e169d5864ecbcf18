import type { DetectionEventEdit, MonitoringView } from '../../contract';
import type { DetectionEventDraft } from '../../domain/monitoring/detection-event';
import { changeDetectionEvents, type DetectionEventChange } from '../../domain/monitoring/manual-events';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';
import { monitoringView } from './monitoring-view';

/**
 * Adds, changes or removes a detection event written by hand on a threat. The model is written as
 * the app, under its lease, after the check that the person may edit it; the answer is the view.
 */
export async function changeDetectionEvent(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  edit: DetectionEventEdit & { draft?: DetectionEventDraft },
): Promise<MonitoringView> {
  const actor = { accountId, now: new Date().toISOString() };
  await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const changed = changeDetectionEvents(model, edit as DetectionEventChange, actor);
      return { model: changed.model, result: changed.threat };
    },
    asModelEditor(jira, projectKey, accountId, [edit.threatId]),
  );
  return monitoringView(jira, projectKey, accountId);
}
