import type { PeopleNames, PeopleNamesQuery } from '../../contract';
import { displayNames } from '../../jira/people/people-repository';
import type { JiraClients } from '../common/jira-clients';

/**
 * The names of people the app stored by account id (who answered a STRIDE question), looked up
 * as the person: someone Jira does not show them is left out.
 */
export const peopleNames = (jira: JiraClients, { accountIds }: PeopleNamesQuery): Promise<PeopleNames> =>
  displayNames(jira.user, accountIds);
