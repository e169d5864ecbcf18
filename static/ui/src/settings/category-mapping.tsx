import { Text } from '@atlaskit/primitives';
import { MITIGATION_STATUSES, type MitigationStatus } from '../../../../src/domain/mitigation/mitigation';
import type { StatusMapping } from '../../../../src/domain/mitigation/task-status';
import { MITIGATION_STATUS_LABELS } from '../mitigation/mitigation-status-lozenge';
import { SelectField, type Option } from './select-field';
import { CELL, HEAD, TABLE } from './settings-table';
import { CATEGORIES } from './status-mapping';

export const STATUS_OPTIONS: Option<MitigationStatus>[] = MITIGATION_STATUSES.map((status) => ({
  value: status,
  label: MITIGATION_STATUS_LABELS[status],
}));

interface Props {
  mapping: StatusMapping;
  readOnly: boolean;
  onChange: (mapping: StatusMapping) => void;
}

/** The mitigation status each Jira status category stands for. */
export function CategoryMapping({ mapping, readOnly, onChange }: Props) {
  return (
    <table style={TABLE} aria-label="Mitigation status by status category">
      <thead>
        <tr>
          <th scope="col" style={HEAD}>
            Task status category
          </th>
          <th scope="col" style={HEAD}>
            Mitigation status
          </th>
        </tr>
      </thead>
      <tbody>
        {CATEGORIES.map(({ key, label }) => (
          <tr key={key}>
            <td style={CELL}>
              <Text>{label}</Text>
            </td>
            <td style={CELL}>
              <SelectField
                label={`Mitigation status for the ${label} category`}
                labelHidden
                options={STATUS_OPTIONS}
                value={mapping.byCategory[key]}
                readOnly={readOnly}
                onChange={(status) => onChange({ ...mapping, byCategory: { ...mapping.byCategory, [key]: status } })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
