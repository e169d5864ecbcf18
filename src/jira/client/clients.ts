import { currentInstallation, forgeTransport } from './forge-transport';
import { JiraClient } from './jira-client';

// One client per resolver call, so retry budgets and request counts belong to that call.
// Each knows its installation, so caches of site data never cross sites (see clauses-field.ts).
const tenant = () => {
  const installation = currentInstallation();
  return installation !== undefined ? { tenant: installation } : {};
};
export const userClient = () => new JiraClient(forgeTransport('user'), tenant());
export const appClient = () => new JiraClient(forgeTransport('app'), tenant());

/**
 * For the audit worker, an async event consumer that may run 900 s: Jira's 429s over a
 * 10,000-story audit need more retries and waiting than a 25 s resolver may spend, and a page
 * retried beats a run failed.
 */
export const workerAppClient = () =>
  new JiraClient(forgeTransport('app'), {
    ...tenant(),
    retry: { maxAttempts: 20, totalRetryBudget: 2_000, maxTotalWaitMs: 600_000 },
  });
