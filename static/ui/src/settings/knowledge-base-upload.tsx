import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useId, useState, type FormEvent } from 'react';
import type { KbUpload, KbUploadResult } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { CheckboxLabel } from '../common/checkbox-label';
import { FilePicker } from '../common/file-picker';
import { showSuccessFlag } from '../common/success-flag';
import { SelectField, type Option } from './select-field';
import { readFileText, uploadContent } from './upload-content';

type Format = KbUpload['format'];

const FORMAT_OPTIONS: Option<Format>[] = [
  { value: 'auto', label: 'Recognise from the content' },
  { value: 'without', label: 'Knowledge base (without-kb/1 JSON)' },
  { value: 'pytm', label: 'OWASP pytm threat library (threats.json)' },
  { value: 'tmt', label: 'Microsoft Threat Modeling Tool template (.tb7)' },
  { value: 'threat-dragon', label: 'OWASP Threat Dragon v2 model (JSON)' },
  { value: 'otm', label: 'Open Threat Model 0.2.0 (JSON)' },
  { value: 'threat-composer', label: 'AWS Threat Composer export (.tc.json)' },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Uploading a knowledge base, or a threat library to import, from a file the person picks. */
export function KnowledgeBaseUpload({ onUploaded }: { onUploaded: (result: KbUploadResult) => void }) {
  const inputId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState<Format>('auto');
  const [activate, setActivate] = useState(true);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file || uploading) return;
    setUploading(true);
    setError(undefined);
    setDone(undefined);
    try {
      const prepared = await uploadContent(await readFileText(file));
      if ('tooLarge' in prepared) {
        setError(prepared.tooLarge);
        return;
      }
      const envelope = await callResolver('knowledge-base/upload', {
        fileName: file.name,
        format,
        content: prepared.content,
        activate,
      });
      if (!envelope.ok) {
        setError(envelope.error.message);
        return;
      }
      const { uploaded, replacedVersion } = envelope.data;
      const counts = `${plural(uploaded.counts.threats, 'threat')}, ${plural(uploaded.counts.mitigations, 'mitigation')}, ${plural(uploaded.counts.questions, 'STRIDE question')}`;
      // "(version 1)": a bare version after the name reads as part of it ("Payments team threats 1").
      const named = `${uploaded.name} (version ${uploaded.version})`;
      const message = replacedVersion
        ? `${named} replaced version ${replacedVersion} (${counts}). Threats made from the older version show what changed in the threat model.`
        : `${named} is uploaded (${counts})${uploaded.active ? ' and active' : ''}.`;
      setDone(message);
      showSuccessFlag('Knowledge base uploaded', message);
      setFile(undefined);
      onUploaded(envelope.data);
    } catch (failure) {
      setError(`The file could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setUploading(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-heading`}>
      <Stack space="space.150">
        <Heading size="xsmall" as="h3" id={`${inputId}-heading`}>
          Upload a knowledge base
        </Heading>
        <Text as="p" size="small" color="color.text.subtle">
          A knowledge base in this app&apos;s format (<code>npx without kb import</code> writes one), or a threat
          library to import: OWASP pytm, a Microsoft Threat Modeling Tool template, an OWASP Threat Dragon model, an
          Open Threat Model file or an AWS Threat Composer export. Uploading one with the id of an earlier upload
          replaces it as its new version.
        </Text>
        <FilePicker
          label="File"
          accept=".json,.tb7,.tm7,.xml,application/json,text/xml"
          file={file}
          disabled={uploading}
          onChange={(chosen) => {
            setFile(chosen);
            setError(undefined);
            setDone(undefined);
          }}
        />
        <SelectField label="Format" options={FORMAT_OPTIONS} value={format} readOnly={uploading} onChange={setFormat} />
        <CheckboxLabel checked={activate} disabled={uploading} onChange={setActivate}>
          Turn it on for suggestions
        </CheckboxLabel>
        {error !== undefined && (
          <SectionMessage appearance="error" title="Could not upload the knowledge base">
            <Text as="p">{error}</Text>
          </SectionMessage>
        )}
        <div role="status">{done !== undefined && <Text as="p">{done}</Text>}</div>
        <div>
          <Button type="submit" appearance="primary" isDisabled={!file || uploading}>
            {uploading ? 'Uploading…' : 'Upload'}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
