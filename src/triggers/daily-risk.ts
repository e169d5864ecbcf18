import { appClient } from '../jira/client/clients';
import { recordRiskPoint } from '../jira/threat-model/project-risk';
import { projectsWithThreatModel } from '../jira/threat-model/projects-with-model';

/** Once a day, every project with a threat model gets its risk point, even on quiet days. */
export async function onDailyRisk(): Promise<void> {
  const app = appClient();
  const now = new Date().toISOString();
  for await (const projectKey of projectsWithThreatModel(app)) await recordRiskPoint(app, projectKey, now);
}
