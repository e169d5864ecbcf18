// The handlers manifest.yml names (function handler `index.<export>`).
export { resolverHandler as resolver } from './resolvers';
export { onIssueUpdated } from './triggers/task-status-changed';
export { onDailyRisk } from './triggers/daily-risk';
export { auditWorker } from './triggers/audit-worker';
