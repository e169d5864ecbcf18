import Heading from '@atlaskit/heading';
import { ErrorMessage, Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useId, useState, type ChangeEvent } from 'react';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { EXPOSURE_TIER_RULES } from '../../../../src/domain/threat-model/exposure-tier';
import {
  EXPOSURE_TIERS,
  TOLERANCE_MAX,
  type ExposureTier,
  type RiskSettings,
} from '../../../../src/domain/threat-model/risk-settings';
import { FINDING_KIND_INFO } from '../../../../src/domain/audit/finding-kinds';
import { CheckboxLabel } from '../common/checkbox-label';
import { EditorField } from './editor-field';
import { editorOptions } from './editor-options';
import { SelectField } from './select-field';
import { CELL, HEAD, TABLE } from './settings-table';

interface Props {
  view: SettingsView;
  draft: ThreatModelSettings;
  readOnly: boolean;
  onChange: (patch: Partial<ThreatModelSettings>) => void;
}

/** The project's exposure tier, risk tolerance, whether detective controls count, who may accept risk. */
export function RiskSettingsSection({ view, draft, readOnly, onChange }: Props) {
  const risk = draft.risk;
  const change = (patch: Partial<RiskSettings>) => onChange({ risk: { ...risk, ...patch } });
  const tierOptions = EXPOSURE_TIERS.map((tier) => ({
    value: tier,
    label: `${EXPOSURE_TIER_RULES[tier].label} (${EXPOSURE_TIER_RULES[tier].meaning})`,
  }));
  const roleOptions = editorOptions(view.roles, risk.accepterRoleIds, (id) => `Unknown role (${id})`);

  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="small" as="h2">
          Risk
        </Heading>
        <Text as="p">
          Residual risk is a threat&apos;s severity times what its mitigations in place leave: each leaves (1 − its
          strength), so two average (50%) controls leave 25% and one complete control leaves nothing. The project risk
          is the sum over active threats.
        </Text>
      </Stack>
      <SelectField<ExposureTier>
        label="Exposure tier"
        options={tierOptions}
        value={risk.tier}
        readOnly={readOnly}
        onChange={(tier) => change({ tier })}
      />
      <TierTable />
      <ToleranceField risk={risk} readOnly={readOnly} onChange={(tolerance) => change({ tolerance })} />
      {readOnly ? (
        <Text>
          {risk.countDetective
            ? 'Detective controls (alerts) lower residual risk.'
            : 'Detective controls (alerts) do not lower residual risk.'}
        </Text>
      ) : (
        <CheckboxLabel checked={risk.countDetective} onChange={(countDetective) => change({ countDetective })}>
          <Text>Detective controls (alerts) lower residual risk</Text>
        </CheckboxLabel>
      )}
      <Text as="p" size="small" color="color.text.subtle">
        Off by default: detection serves the response to an attack, not its prevention.
      </Text>
      <EditorField
        label="Roles that may accept risk"
        options={roleOptions}
        selectedIds={risk.accepterRoleIds}
        readOnly={readOnly}
        emptyText="Project administrators only"
        onChange={(accepterRoleIds) => change({ accepterRoleIds })}
      />
      <Text as="p" size="small" color="color.text.subtle">
        Project administrators can always accept a threat&apos;s residual risk, with a reason, for at most a year.
      </Text>
    </Stack>
  );
}

/** The tiers side by side: the default tolerance and which audit kinds are errors (`--fail-on errors`). */
function TierTable() {
  return (
    <table style={TABLE} aria-label="Exposure tiers">
      <thead>
        <tr>
          <th style={HEAD}>Tier</th>
          <th style={HEAD}>Default tolerance</th>
          <th style={HEAD}>Audit kinds that are errors</th>
        </tr>
      </thead>
      <tbody>
        {EXPOSURE_TIERS.map((tier) => {
          const rules = EXPOSURE_TIER_RULES[tier];
          return (
            <tr key={tier}>
              <td style={{ ...CELL, width: '25%' }}>{rules.label}</td>
              <td style={{ ...CELL, width: '15%' }}>{rules.defaultTolerance}</td>
              <td style={{ ...CELL, width: '60%' }}>
                <Text size="small">
                  {tier === 'critical'
                    ? 'every kind'
                    : rules.errorKinds.map((k) => FINDING_KIND_INFO[k].title).join('; ')}
                </Text>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ToleranceField({
  risk,
  readOnly,
  onChange,
}: {
  risk: RiskSettings;
  readOnly: boolean;
  onChange: (tolerance: number | null) => void;
}) {
  const id = useId();
  const fallback = EXPOSURE_TIER_RULES[risk.tier].defaultTolerance;
  const [text, setText] = useState(risk.tolerance === null ? '' : String(risk.tolerance));
  const [error, setError] = useState<string | undefined>();
  if (readOnly) return <Text>Risk tolerance: {risk.tolerance ?? `${fallback} (the tier's default)`}</Text>;

  function edit(value: string) {
    setText(value);
    if (value.trim() === '') {
      setError(undefined);
      return onChange(null);
    }
    const number = Number(value);
    if (!Number.isFinite(number) || number < 0 || number > TOLERANCE_MAX) {
      // The draft keeps the last valid tolerance: nothing is saved from text that is not one.
      setError(`The tolerance is a number from 0 to ${TOLERANCE_MAX}, or empty for the tier's default.`);
      return;
    }
    setError(undefined);
    onChange(number);
  }

  return (
    <Stack space="space.050">
      <Label htmlFor={id}>Risk tolerance</Label>
      <Textfield
        id={id}
        name="tolerance"
        inputMode="decimal"
        value={text}
        placeholder={`${fallback} (the tier's default)`}
        isInvalid={error !== undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event: ChangeEvent<HTMLInputElement>) => edit(event.currentTarget.value)}
      />
      {error && (
        <div id={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
      <span id={`${id}-hint`}>
        <Text size="small" color="color.text.subtle">
          The project risk the team accepts. Above it, the Threat model tab and the sprint view say so, the risk chart
          shows it as a line, and `npx without audit --fail-on tolerance` exits 1. Empty: the tier&apos;s default.
        </Text>
      </span>
    </Stack>
  );
}
