import { Stack } from '@atlaskit/primitives';
import { ModelExport } from './model-export';
import { ModelImport } from './model-import';

/** The project page's "Import / export": the model to and from Open Threat Model and AWS Threat Composer files. */
export function InterchangeTab({ onImported }: { onImported?: () => void }) {
  return (
    <Stack space="space.400">
      <ModelExport />
      <ModelImport onImported={onImported} />
    </Stack>
  );
}
