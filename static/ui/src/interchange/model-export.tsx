import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useId, useState } from 'react';
import type { InterchangeExport } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';

type Format = InterchangeExport['format'];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Parts asked for at most (a 5,000-threat model with 10,000 stories takes about 20), and fresh starts after a change. */
const MAX_PARTS = 1000;
const ATTEMPTS = 2;

/**
 * The whole file: its parts asked for one after another (each answer under 1 MB; a large model's
 * file is several MB) and joined. When the model changed between parts (CONFLICT), starts again once.
 */
async function exportedFile(
  format: Format,
  onProgress: (done: number, total: number) => void,
): Promise<Envelope<InterchangeExport>> {
  for (let attempt = 1; ; attempt++) {
    let answer = await callResolver('interchange/export', { format });
    const texts: string[] = [];
    for (let parts = 1; answer.ok; parts++) {
      texts.push(answer.data.text);
      onProgress(answer.data.progress.done, answer.data.progress.total);
      if (!answer.data.next) return { ok: true, data: { ...answer.data, text: texts.join('') } };
      if (parts >= MAX_PARTS) break;
      answer = await callResolver('interchange/export', { format, from: answer.data.next });
    }
    if (answer.ok) return { ok: false, error: { code: 'INTERNAL', message: 'The export did not end. Try again.' } };
    if (answer.error.code !== 'CONFLICT' || attempt >= ATTEMPTS) return answer;
  }
}

const preparing = (percent: number | undefined) => (percent === undefined ? 'Preparing…' : `Preparing… ${percent}%`);

/** "Download as OTM" and "Download as Threat Composer": the project's model as a file other tools open. */
export function ModelExport() {
  const headingId = useId();
  const [busy, setBusy] = useState<Format | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<InterchangeExport | undefined>();
  const [progress, setProgress] = useState<number | undefined>();

  async function download(format: Format) {
    setBusy(format);
    setError(undefined);
    setDone(undefined);
    const envelope = await exportedFile(format, (read, total) =>
      // Shown only for a file of several parts: a one-part file is done before it would show.
      setProgress(read < total ? Math.floor((read / total) * 100) : undefined),
    );
    setBusy(undefined);
    setProgress(undefined);
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
            {busy === 'otm' ? preparing(progress) : 'Download as OTM'}
          </Button>
          <Button onClick={() => void download('threat-composer')} isDisabled={busy !== undefined}>
            {busy === 'threat-composer' ? preparing(progress) : 'Download as Threat Composer'}
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
