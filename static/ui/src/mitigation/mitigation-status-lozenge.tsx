import Lozenge from '@atlaskit/lozenge';
import type { MitigationStatus } from '../../../../src/domain/mitigation/mitigation';

type Appearance = 'default' | 'new' | 'inprogress' | 'success' | 'removed';

const APPEARANCE: Record<MitigationStatus, Appearance> = {
  proposed: 'default',
  accepted: 'new',
  planned: 'new',
  'in-progress': 'inprogress',
  implemented: 'success',
  existing: 'success',
  rejected: 'removed',
};

export const MITIGATION_STATUS_LABELS: Record<MitigationStatus, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  planned: 'Planned',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  existing: 'Existing',
  rejected: 'Rejected',
};

/** A mitigation's status, coloured like Jira colours a workflow status of the same kind. */
export function MitigationStatusLozenge({ status }: { status: MitigationStatus }) {
  return <Lozenge appearance={APPEARANCE[status]}>{MITIGATION_STATUS_LABELS[status]}</Lozenge>;
}
