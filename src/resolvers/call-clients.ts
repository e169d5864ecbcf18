import type { JiraClients } from '../app/common/jira-clients';
import { CallMemo } from '../jira/client/call-memo';
import { appClient, userClient } from '../jira/client/clients';

/**
 * The clients of one resolver call, as the invoking person and as the app, and the memo of the
 * reads its steps share: their retry budgets and reads belong to that call.
 */
export const callClients = (): JiraClients => ({ user: userClient(), app: appClient(), memo: new CallMemo() });
