import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useId, useState } from 'react';
import type { InterchangeExport } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';

type Format = InterchangeExport['format'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Download as OTM" and "Download as Threat Composer": the project's model as a file other tools open. */
export function ModelExport() {
  const headingId = useId();
  const [busy, setBusy] = useState<Format | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<InterchangeExport | undefined>();

  async function download(format: Format) {
    setBusy(format);
    setError(undefined);
    setDone(undefined);
    const envelope = await callResolver('interchange/export', { format });
    setBusy(undefined);
    if (!envelope.ok) return setError(envelope.error.message);
    downloadFile(envelope.data.fileName, envelope.data.text, 'application/json');
    setDone(envelope.data);
  }

  return (
    <section aria-labelledby={headingId}>
      <Stack space="space.150">
        <Heading size="small" as="h2" id={headingId}>
          Export
        </Heading>
        <Text as="p" color="color.text.subtle">
          The threat model as a file for IriusRisk, Devici, SD Elements or Threat Dragon (Open Threat Model 0.2.0), or
          for AWS Threat Composer. Each threat keeps its stories, their WITHOUT clauses and the mitigations&apos; tasks.
        </Text>
        <Inline space="space.100" shouldWrap>
          <Button onClick={() => void download('otm')} isDisabled={busy !== undefined}>
            {busy === 'otm' ? 'Preparing…' : 'Download as OTM'}
          </Button>
          <Button onClick={() => void download('threat-composer')} isDisabled={busy !== undefined}>
            {busy === 'threat-composer' ? 'Preparing…' : 'Download as Threat Composer'}
          </Button>
        </Inline>
        {error !== undefined && (
          <SectionMessage appearance="error" title="Could not export the threat model">
            <Text as="p">{error}</Text>
          </SectionMessage>
        )}
        <div role="status">
          {done && (
            <Text as="p">
              Downloaded {done.fileName}: {plural(done.threats, 'threat')}, {plural(done.mitigations, 'mitigation')}.
              {done.problems.length > 0 &&
                ` ${done.problems.length} stored value(s) could not be read and are not in it.`}
            </Text>
          )}
        </div>
      </Stack>
    </section>
  );
}
