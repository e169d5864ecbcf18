import { forgeTransport } from './forge-transport';
import { JiraClient } from './jira-client';

// One client per resolver call, so retry budgets and request counts belong to that call.
export const userClient = () => new JiraClient(forgeTransport('user'));
export const appClient = () => new JiraClient(forgeTransport('app'));

/**
 * For the audit worker, an async event consumer that may run 900 s: Jira's 429s over a
 * 10,000-story audit need more retries and waiting than a 25 s resolver may spend, and a page
 * retried beats a run failed.
 */
export const workerAppClient = () =>
  new JiraClient(forgeTransport('app'), {
    retry: { maxAttempts: 20, totalRetryBudget: 2_000, maxTotalWaitMs: 600_000 },
  });
