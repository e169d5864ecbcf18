import type { SprintChoice } from '../../contract';
import { openSprints } from '../../jira/sprint/sprint-repository';
import type { JiraClients } from '../common/jira-clients';

/** The sprints the sprint picker offers: the project's open ones the person can see. */
export const sprintChoices = (jira: JiraClients, projectKey: string): Promise<SprintChoice[]> =>
  openSprints(jira.user, projectKey);
