export { MitigationForm, type MitigationFormProps } from './mitigation-form';
export { MitigationStatusLozenge, MITIGATION_STATUS_LABELS } from './mitigation-status-lozenge';
export { needsTask, strengthAgainst, strengthName, strengthText } from './strength';
export { formatRisk, riskText, ThreatRiskText } from './threat-risk-text';
export { TaskLink } from './task-link';
