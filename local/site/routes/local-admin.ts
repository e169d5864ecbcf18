import { JiraError, json } from '../http';
import type { Route } from '../router';
import type { Faults, FaultSettings } from '../faults';

// Not part of Jira: run-time controls of the local site, for tests and demos. They live
// under /_local so the contract test can tell them apart from the Jira API.
export const localAdminRoutes = (faults: Faults): Route[] => [
  { method: 'GET', template: '/_local/faults', anonymous: true, handler: () => json(faults.current()) },
  {
    method: 'PUT',
    template: '/_local/faults',
    anonymous: true,
    handler: (req) => {
      try {
        return json(faults.configure((req.body ?? {}) as Partial<FaultSettings>));
      } catch (error) {
        throw new JiraError(400, [error instanceof Error ? error.message : 'Invalid fault settings.']);
      }
    },
  },
];
