// The tab's filters are the backend's (the answer is the page of findings they keep): one definition.
export { NO_FILTERS, type AuditFilters } from '../../../../src/domain/audit/finding-page';
