import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import type { SettingsView } from '../../../../src/contract';
import type { StatusMapping } from '../../../../src/domain/mitigation/task-status';
import { STATUS_OPTIONS } from './category-mapping';
import { SelectField, type Option } from './select-field';
import { ACTION_CELL, CELL, HEAD, TABLE } from './settings-table';
import { nextOverride, overridesOf, withOverrides, type StatusOverride } from './status-mapping';

interface Props {
  mapping: StatusMapping;
  statuses: SettingsView['statuses'];
  readOnly: boolean;
  onChange: (mapping: StatusMapping) => void;
}

/** Single workflow statuses that stand for another mitigation status than their category does. */
export function StatusOverrides({ mapping, statuses, readOnly, onChange }: Props) {
  const overrides = overridesOf(mapping);
  const next = nextOverride(mapping, statuses);
  const change = (list: StatusOverride[]) => onChange(withOverrides(mapping, list));

  function nameOptions(own: string): Option<string>[] {
    const others = new Set(
      overrides.map((o) => o.statusName.toLowerCase()).filter((name) => name !== own.toLowerCase()),
    );
    const options = statuses
      .filter((s) => !others.has(s.name.toLowerCase()))
      .map((s) => ({ value: s.name, label: s.name }));
    // A stored name the workflow no longer has stays visible, so saving does not drop it unseen.
    return options.some((o) => o.value === own)
      ? options
      : [...options, { value: own, label: `${own} (not in the workflow)` }];
  }

  return (
    <Stack space="space.100" alignInline="start">
      {overrides.length === 0 ? (
        <Text color="color.text.subtle">No status overrides: every task status counts as its category says.</Text>
      ) : (
        <table style={TABLE} aria-label="Mitigation status by task status">
          <thead>
            <tr>
              <th scope="col" style={HEAD}>
                Task status
              </th>
              <th scope="col" style={HEAD}>
                Mitigation status
              </th>
              {!readOnly && <th scope="col" style={HEAD} aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {overrides.map((override, index) => (
              <tr key={index}>
                <td style={CELL}>
                  <SelectField
                    label={`Task status of override ${index + 1}`}
                    labelHidden
                    options={nameOptions(override.statusName)}
                    value={override.statusName}
                    readOnly={readOnly}
                    onChange={(statusName) => change(overrides.map((o, i) => (i === index ? { ...o, statusName } : o)))}
                  />
                </td>
                <td style={CELL}>
                  <SelectField
                    label={`Mitigation status for the ${override.statusName} status`}
                    labelHidden
                    options={STATUS_OPTIONS}
                    value={override.status}
                    readOnly={readOnly}
                    onChange={(status) => change(overrides.map((o, i) => (i === index ? { ...o, status } : o)))}
                  />
                </td>
                {!readOnly && (
                  <td style={ACTION_CELL}>
                    <Button
                      appearance="subtle"
                      spacing="compact"
                      aria-label={`Remove the override for ${override.statusName}`}
                      onClick={() => change(overrides.filter((_, i) => i !== index))}
                    >
                      Remove
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <Button spacing="compact" isDisabled={next === undefined} onClick={() => next && change([...overrides, next])}>
          Add a status override
        </Button>
      )}
    </Stack>
  );
}
