import { forgeTransport } from '../jira/forge-transport';
import { JiraClient } from '../jira/jira-client';

// One client per resolver call, so retry budgets and request counts belong to that call.
export const userClient = () => new JiraClient(forgeTransport('user'));
export const appClient = () => new JiraClient(forgeTransport('app'));
