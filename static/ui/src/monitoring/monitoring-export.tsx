import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';

/** "Download JSON" and "Download Markdown": the project's monitoring specification as a file. */
export function MonitoringExport() {
  const [busy, setBusy] = useState<'json' | 'md' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const download = async (format: 'json' | 'md') => {
    setBusy(format);
    setError(undefined);
    const envelope = await callResolver('monitoring/export', { format });
    setBusy(undefined);
    if (!envelope.ok) return setError(envelope.error.message);
    const { fileName, content, mediaType } = envelope.data;
    downloadFile(fileName, content, mediaType);
  };
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Text weight="medium">Monitoring specification</Text>
      <Button spacing="compact" isDisabled={busy !== undefined} onClick={() => void download('json')}>
        {busy === 'json' ? 'Preparing…' : 'Download JSON'}
      </Button>
      <Button spacing="compact" isDisabled={busy !== undefined} onClick={() => void download('md')}>
        {busy === 'md' ? 'Preparing…' : 'Download Markdown'}
      </Button>
      {error !== undefined && (
        <Text size="small" color="color.text.danger">
          <span role="alert">{error}</span>
        </Text>
      )}
    </Inline>
  );
}
