import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/common/envelope';
import { conflictOnStateChange } from '../common/conflict';
import type { ThreatModel } from './use-threat-model';

export interface StateChangeFailure {
  threatId: string;
  action: 'retire' | 'reactivate';
  error: AppErrorBody;
}

interface Props {
  failure: StateChangeFailure;
  model: Pick<ThreatModel, 'reload'>;
  onDismiss: () => void;
}

export function StateChangeFailureMessage({ failure, model, onDismiss }: Props) {
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string | undefined>();
  const conflict = failure.error.code === 'CONFLICT';

  async function reload() {
    setReloading(true);
    setReloadError(undefined);
    const envelope = await model.reload();
    setReloading(false);
    if (envelope.ok) onDismiss();
    else setReloadError(envelope.error.message);
  }

  return (
    <SectionMessage
      appearance={conflict ? 'warning' : 'error'}
      title={`Could not ${failure.action} ${failure.threatId}`}
    >
      <Stack space="space.100" alignInline="start">
        <Text as="p">{conflict ? conflictOnStateChange(failure.threatId) : failure.error.message}</Text>
        {reloadError !== undefined && <Text as="p">{reloadError}</Text>}
        <Inline space="space.100">
          {conflict && (
            <Button onClick={() => void reload()} isDisabled={reloading}>
              {reloading ? 'Reloading…' : 'Reload'}
            </Button>
          )}
          <Button appearance="subtle" onClick={onDismiss}>
            Dismiss
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
