import type { JiraClients } from '../app/common/jira-clients';
import { appClient, userClient } from '../jira/client/clients';

/** The clients of one resolver call, as the invoking person and as the app: their retry budgets belong to that call. */
export const callClients = (): JiraClients => ({ user: userClient(), app: appClient() });
