import { Stack } from '@atlaskit/primitives';
import { WHO_CAN_EDIT } from '../common/editors-note';
import { useResolverView } from '../common/use-resolver-view';
import { ModelExport } from './model-export';
import { ModelImport } from './model-import';

/** The project page's "Import / export": the model to and from Open Threat Model and AWS Threat Composer files. */
export function InterchangeTab({ onImported }: { onImported?: () => void }) {
  // Whether the person may import: until it is known, and when it cannot be read, the import
  // stays offered (the backend checks again and says why if not).
  const { state } = useResolverView('interchange/access', {});
  const readOnly =
    state.status === 'ready' && !state.view.canImport
      ? `Read only: importing changes the threat model. ${WHO_CAN_EDIT}`
      : undefined;
  return (
    <Stack space="space.400">
      <ModelExport />
      <ModelImport onImported={onImported} readOnlyReason={readOnly} />
    </Stack>
  );
}
