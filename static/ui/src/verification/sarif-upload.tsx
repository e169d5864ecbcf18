import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useId, useState, type FormEvent } from 'react';
import type { SarifUploadResult } from '../../../../src/contract';
import { FilePicker } from '../common/file-picker';

interface Props {
  canEdit: boolean;
  upload: (file: File) => Promise<string | undefined>;
  outcome: SarifUploadResult | undefined;
}

/** Upload a SARIF 2.1.0 file from a security test: its open results are mapped and recorded on the mitigations. */
export function SarifUploadForm({ canEdit, upload, outcome }: Props) {
  const inputId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError('Choose a SARIF file first.');
    setBusy(true);
    setError(undefined);
    setError(await upload(file));
    setBusy(false);
  };
  return (
    <Stack space="space.150">
      <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-heading`}>
        <Stack space="space.100">
          <Heading size="xsmall" as="h3" id={`${inputId}-heading`}>
            Security-test results (SARIF)
          </Heading>
          <Text as="p" color="color.text.subtle">
            A SARIF 2.1.0 file from CodeQL, Semgrep, ZAP or another tool. Its open results are mapped to threats by CWE
            (knowledge-base references and the CWE ids set on threats) and by the rule ids mapped below; a mitigation in
            place that an open result reaches is marked &quot;Verification failed&quot;.
          </Text>
          {canEdit ? (
            <Inline space="space.100" alignBlock="end" shouldWrap>
              <FilePicker
                label="SARIF file"
                accept=".sarif,.json,application/json"
                file={file}
                onChange={setFile}
                disabled={busy}
              />
              <Button type="submit" appearance="primary" isDisabled={busy}>
                {busy ? 'Uploading…' : 'Upload and map'}
              </Button>
            </Inline>
          ) : (
            <Text as="p" size="small" color="color.text.subtlest">
              Read only: recording results changes the threat model, which only its editors may do.
            </Text>
          )}
          {error !== undefined && (
            <Text color="color.text.danger">
              <span role="alert">{error}</span>
            </Text>
          )}
        </Stack>
      </form>
      {outcome && <UploadOutcome outcome={outcome} />}
    </Stack>
  );
}

function UploadOutcome({ outcome }: { outcome: SarifUploadResult }) {
  const { mapping, failed, passed, counts } = outcome;
  const mapped = mapping.results.filter((r) => r.threats.length + r.mitigations.length > 0);
  return (
    <SectionMessage
      appearance={failed.length > 0 ? 'warning' : 'success'}
      title={`${mapping.tools.join(', ')}: ${counts.results} open results, ${counts.mapped} mapped`}
    >
      <Stack space="space.075">
        <Text as="p" testId="sarif-outcome">
          {failed.length > 0
            ? `Verification failed: ${failed.join(', ')}.`
            : 'No mitigation in place is contradicted by an open result.'}
          {passed.length > 0 ? ` Verified again: ${passed.join(', ')}.` : ''}
        </Text>
        {mapped.length > 0 && (
          <Box as="ul" style={{ margin: 0 }}>
            {mapped.slice(0, 20).map((r, i) => (
              <Box as="li" key={`${r.ruleId}-${i}`}>
                <Text>
                  {`${r.ruleId}${r.location ? ` at ${r.location}` : ''}: ${[...r.threats.map((t) => t.id), ...r.mitigations.map((m) => m.id)].join(', ')} (${r.via.join('; ')})`}
                </Text>
              </Box>
            ))}
          </Box>
        )}
      </Stack>
    </SectionMessage>
  );
}
