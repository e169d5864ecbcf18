import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useId, useState } from 'react';
import type { InterchangeImport, InterchangeImportResult } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { FilePicker } from '../common/file-picker';
import { showSuccessFlag } from '../common/success-flag';
import { SelectField, type Option } from '../settings/select-field';
import { readFileText, uploadContent } from '../settings/upload-content';
import { ImportPreviewTable, countsSentence, writesNothing } from './import-preview';

type Format = InterchangeImport['format'];
type Sent = Pick<InterchangeImport, 'fileName' | 'format' | 'content'>;

const FORMAT_OPTIONS: Option<Format>[] = [
  { value: 'auto', label: 'Recognise from the content' },
  { value: 'otm', label: 'Open Threat Model 0.2.0 (JSON)' },
  { value: 'threat-composer', label: 'AWS Threat Composer export (.tc.json)' },
];

/**
 * Import a file into the project's threat model: pick it, see what it creates, updates and
 * leaves unchanged, then confirm. The confirm sends the same file again; the backend merges it
 * with the model as it is then, so an edit made in between is kept.
 */
interface Props {
  onImported?: () => void;
  /** Why the person may not import (they are not a model editor); the controls are disabled and say so. */
  readOnlyReason?: string;
}

export function ModelImport({ onImported, readOnlyReason }: Props) {
  const reasonId = useId();
  const locked = readOnlyReason !== undefined;
  const headingId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState<Format>('auto');
  const [busy, setBusy] = useState<'preview' | 'import' | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<{ sent: Sent; result: InterchangeImportResult } | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const reset = () => {
    setPending(undefined);
    setError(undefined);
    setDone(undefined);
  };

  async function preview() {
    if (!file) return;
    setBusy('preview');
    reset();
    try {
      const prepared = await uploadContent(await readFileText(file));
      if ('tooLarge' in prepared)
        return setError(prepared.tooLarge.replace('smaller knowledge bases', 'smaller files'));
      const sent: Sent = { fileName: file.name, format, content: prepared.content };
      const envelope = await callResolver('interchange/preview-import', sent);
      if (!envelope.ok) return setError(envelope.error.message);
      setPending({ sent, result: envelope.data });
    } catch (failure) {
      setError(`The file could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(undefined);
    }
  }

  async function confirm() {
    if (!pending) return;
    setBusy('import');
    setError(undefined);
    // The preview's token: the import is refused if the model changed since, instead of doing something else.
    const envelope = await callResolver('interchange/import', { ...pending.sent, token: pending.result.preview.token });
    setBusy(undefined);
    if (!envelope.ok) return setError(envelope.error.message);
    const message = `Imported ${pending.sent.fileName}: ${countsSentence(envelope.data.preview, true)}`;
    setPending(undefined);
    setDone(message);
    setFile(undefined);
    showSuccessFlag('Threat model imported', message);
    onImported?.();
  }

  const nothingToDo = pending !== undefined && writesNothing(pending.result.preview);

  return (
    <section aria-labelledby={headingId}>
      <Stack space="space.150">
        <Heading size="small" as="h2" id={headingId}>
          Import into this threat model
        </Heading>
        <Text as="p" color="color.text.subtle">
          Threats and mitigations from an Open Threat Model file or an AWS Threat Composer export. What was imported
          before from the same file is updated, never added twice. To use a file as a knowledge base instead, upload it
          in the project settings.
        </Text>
        {locked && (
          <Text as="p" size="small" color="color.text.subtle" id={reasonId}>
            {readOnlyReason}
          </Text>
        )}
        <FilePicker
          label="File to import"
          accept=".json,application/json"
          file={file}
          disabled={busy !== undefined || locked}
          describedBy={locked ? reasonId : undefined}
          onChange={(chosen) => {
            setFile(chosen);
            reset();
          }}
        />
        <SelectField
          label="Format"
          options={FORMAT_OPTIONS}
          value={format}
          readOnly={busy !== undefined}
          onChange={setFormat}
        />
        <div>
          <Button
            onClick={() => void preview()}
            isDisabled={!file || busy !== undefined || locked}
            aria-describedby={locked ? reasonId : undefined}
          >
            {busy === 'preview' ? 'Reading the file…' : 'Preview import'}
          </Button>
        </div>
        {error !== undefined && (
          <SectionMessage appearance="error" title="Could not import the file">
            <Text as="p">{error}</Text>
          </SectionMessage>
        )}
        {pending && (
          <section aria-label="Import preview">
            <Stack space="space.100">
              <Text as="p" weight="semibold">
                {pending.sent.fileName}
                {pending.result.preview.name ? ` ("${pending.result.preview.name}")` : ''}:{' '}
                {countsSentence(pending.result.preview, false)}
              </Text>
              <Inline space="space.100">
                <Button
                  appearance="primary"
                  onClick={() => void confirm()}
                  isDisabled={busy !== undefined || nothingToDo}
                >
                  {busy === 'import' ? 'Importing…' : 'Import'}
                </Button>
                <Button appearance="subtle" onClick={reset} isDisabled={busy !== undefined}>
                  Cancel
                </Button>
              </Inline>
              {nothingToDo && <Text as="p">Everything in the file is already in the threat model.</Text>}
              <ImportPreviewTable preview={pending.result.preview} />
            </Stack>
          </section>
        )}
        <div role="status">{done !== undefined && <Text as="p">{done}</Text>}</div>
      </Stack>
    </section>
  );
}
