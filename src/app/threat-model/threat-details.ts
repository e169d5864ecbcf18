import type { ThreatDetails } from '../../contract';
import { threatView } from '../../domain/threat-model/threat-view';
import { liveModelWith } from '../../jira/threat-model/project-risk';
import { recordedTasks } from './recorded-tasks';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { AppError } from '../../domain/common/app-error';
import type { JiraClients } from '../common/jira-clients';

/**
 * One threat in full and the mitigations addressing it in full (their texts, stamps and
 * records), read as the person: what a dialog needs that the threat table's list leaves out.
 */
export async function threatDetails(jira: JiraClients, projectKey: string, threatId: string): Promise<ThreatDetails> {
  const { model } = await readThreatModel(jira.user, projectKey);
  const threat = model.threats.find((t) => t.id === threatId);
  if (!threat) throw new AppError('NOT_FOUND', `${threatId} is not in the threat model.`);
  const addressing = model.mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId));
  // Only the threat's own mitigations: their tasks' live statuses come with them.
  const live = liveModelWith(await recordedTasks(jira.user, projectKey, addressing), {
    ...model,
    threats: [threat],
    mitigations: addressing,
  });
  return { threat: threatView(threat), mitigations: live.mitigations };
}
