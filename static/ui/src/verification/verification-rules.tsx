import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { Label } from '@atlaskit/form';
import { useId, useState } from 'react';
import type { VerificationView } from '../../../../src/contract/verification';
import { VerificationRule } from '../../../../src/domain/verification/verification-rules';
import { CELL, HEAD_CELL, TABLE } from '../common/table-styles';

interface Props {
  view: Pick<VerificationView, 'rules' | 'ruleTargets' | 'canEdit'>;
  saveRules: (rules: VerificationView['rules']) => Promise<string | undefined>;
}

/** The rule ids the project maps to a threat or a mitigation, for results whose CWE maps nowhere. */
export function VerificationRules({ view, saveRules }: Props) {
  const id = useId();
  const [ruleId, setRuleId] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const title = new Map(view.ruleTargets.map((t) => [t.id, t.title]));
  const save = async (rules: VerificationView['rules']) => {
    setBusy(true);
    const problem = await saveRules(rules);
    setBusy(false);
    setError(problem);
    return problem;
  };
  const add = async () => {
    const parsed = VerificationRule.safeParse({ ruleId, target: target.trim().toUpperCase() });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    if ((await save([...view.rules, parsed.data])) === undefined) {
      setRuleId('');
      setTarget('');
    }
  };
  return (
    <Box as="section" aria-labelledby={`${id}-heading`}>
      <Stack space="space.100">
        <Heading size="xsmall" as="h3" id={`${id}-heading`}>
          Rule ids mapped by hand
        </Heading>
        <Text as="p" size="small" color="color.text.subtle">
          A result whose rule id is listed here maps to its threat or mitigation, whatever its CWE.
        </Text>
        {view.rules.length > 0 ? (
          <table style={TABLE} aria-label="Rule ids mapped by hand">
            <thead>
              <tr>
                <th style={HEAD_CELL}>Rule id</th>
                <th style={HEAD_CELL}>Maps to</th>
                {view.canEdit && <th style={HEAD_CELL}>Remove</th>}
              </tr>
            </thead>
            <tbody>
              {view.rules.map((rule, i) => (
                <tr key={`${rule.ruleId}-${rule.target}`}>
                  <td style={CELL}>
                    <code>{rule.ruleId}</code>
                  </td>
                  <td style={CELL}>{`${rule.target} ${title.get(rule.target) ?? ''}`}</td>
                  {view.canEdit && (
                    <td style={CELL}>
                      <Button
                        spacing="compact"
                        appearance="subtle"
                        isDisabled={busy}
                        aria-label={`Remove the mapping of ${rule.ruleId} to ${rule.target}`}
                        onClick={() => void save(view.rules.filter((_, j) => j !== i))}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Text as="p" color="color.text.subtlest">
            No rule ids are mapped.
          </Text>
        )}
        {view.canEdit && (
          <Inline space="space.100" alignBlock="end" shouldWrap>
            <Box style={{ flex: '1 1 12rem' }}>
              <Label htmlFor={`${id}-rule`}>Rule id</Label>
              <Textfield
                id={`${id}-rule`}
                value={ruleId}
                placeholder="e.g. js/xss"
                onChange={(event) => setRuleId((event.target as HTMLInputElement).value)}
              />
            </Box>
            <Box style={{ flex: '1 1 16rem' }}>
              <Label htmlFor={`${id}-target`}>Maps to</Label>
              {/* An id, not a list to pick from: a project may have 15,000 threats and mitigations,
                  more than a page should carry; the save checks the id is in the model. */}
              <Textfield
                id={`${id}-target`}
                value={target}
                placeholder="A threat or mitigation id, e.g. T-7 or M-5"
                onChange={(event) => setTarget((event.target as HTMLInputElement).value)}
              />
            </Box>
            <Button isDisabled={busy} onClick={() => void add()}>
              Add mapping
            </Button>
          </Inline>
        )}
        {error !== undefined && (
          <Text color="color.text.danger">
            <span role="alert">{error}</span>
          </Text>
        )}
      </Stack>
    </Box>
  );
}
