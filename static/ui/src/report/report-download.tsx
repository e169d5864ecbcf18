import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';
import { InlineError } from '../common/inline-error';
import type { AsvsLevel, AsvsStandard } from '../../../../src/domain/compliance/asvs-catalogue';
import type { ReportDocument } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';

/** A report's parts asked for at most, and fresh starts after the model changed mid-way. */
const MAX_PARTS = 100;
const ATTEMPTS = 2;

/**
 * The whole report: its first part, then the others (a large model's report is several answers,
 * each under 1 MB), joined. When the model changed between parts (CONFLICT), starts again once.
 */
async function reportText(query: { format: 'html' | 'md'; standard: AsvsStandard; level: AsvsLevel }) {
  for (let attempt = 1; ; attempt++) {
    const first = await callResolver('report/get', query);
    if (!first.ok) return first;
    const texts = [first.data.text];
    let failed: Envelope<ReportDocument> | undefined;
    for (let index = 1; index < Math.min(first.data.parts, MAX_PARTS); index++) {
      const part = { index, generatedAt: first.data.generatedAt, digest: first.data.digest };
      const answer = await callResolver('report/get', { ...query, part });
      if (!answer.ok) {
        failed = answer;
        break;
      }
      texts.push(answer.data.text);
    }
    if (!failed) return { ok: true as const, data: { ...first.data, text: texts.join('') } };
    if (failed.ok || failed.error.code !== 'CONFLICT' || attempt >= ATTEMPTS) return failed;
  }
}

/**
 * "Download report": the threat-model report for auditors as a file, HTML (prints to PDF from
 * the browser) or Markdown, with the ASVS coverage of the standard and level chosen on the tab;
 * the same document `npx without report` prints.
 */
export function ReportDownload({ standard, level }: { standard: AsvsStandard; level: AsvsLevel }) {
  const [busy, setBusy] = useState<'html' | 'md'>();
  const [error, setError] = useState<string>();
  async function download(format: 'html' | 'md') {
    setBusy(format);
    setError(undefined);
    const answer = await reportText({ format, standard, level });
    setBusy(undefined);
    if (!answer.ok) return setError(`The report could not be made: ${answer.error.message}`);
    downloadFile(answer.data.fileName, answer.data.text, answer.data.mimeType);
  }
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Text>Threat-model report:</Text>
      <Button isDisabled={busy !== undefined} onClick={() => void download('html')} testId="report-download-html">
        {busy === 'html' ? 'Preparing…' : 'Download HTML'}
      </Button>
      <Button isDisabled={busy !== undefined} onClick={() => void download('md')} testId="report-download-md">
        {busy === 'md' ? 'Preparing…' : 'Download Markdown'}
      </Button>
      {error && <InlineError>{error}</InlineError>}
    </Inline>
  );
}
