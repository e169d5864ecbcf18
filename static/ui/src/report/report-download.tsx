import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';
import { joinedParts } from '../common/joined-parts';
import { InlineError } from '../common/inline-error';
import type { AsvsLevel, AsvsStandard } from '../../../../src/domain/compliance/asvs-catalogue';

/** The whole report: a large model's report is several answers, each under 1 MB. */
const reportText = (query: { format: 'html' | 'md'; standard: AsvsStandard; level: AsvsLevel }) =>
  joinedParts(
    () => callResolver('report/get', query),
    (first, index) =>
      callResolver('report/get', { ...query, part: { index, generatedAt: first.generatedAt, digest: first.digest } }),
  );

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
