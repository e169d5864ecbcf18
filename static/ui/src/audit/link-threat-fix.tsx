import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { AuditView } from '../../../../src/contract';
import { ThreatPicker, type ThreatOption } from '../common/threat-picker';
import { DisabledFix } from './disabled-fix';
import type { useAudit } from './use-audit';

interface Props {
  findingId: string;
  storyKey: string;
  clauseId: string;
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * The fix for a clause linked to no threat, in place: choose an active threat (ThreatPicker, the
 * one the sprint view's clause gaps use), then link it to the clause, as the person.
 */
export function LinkThreatFix({ findingId, storyKey, clauseId, label, view, busy, act, onError }: Props) {
  const [chosen, setChosen] = useState<ThreatOption | null>(null);
  if (!view.canEditStories)
    return (
      <DisabledFix
        label={label}
        reason={`You can’t edit ${view.projectKey}’s stories, so you can’t link a threat here.`}
      />
    );

  const selectId = `link-${findingId}`;
  const threatId = chosen?.value;

  return (
    <Inline space="space.050" alignBlock="center" shouldWrap>
      <label htmlFor={selectId}>
        <Text size="small">Threat</Text>
      </label>
      <ThreatPicker inputId={selectId} value={chosen} onChange={setChosen} onError={onError} isDisabled={busy} />
      <Button
        appearance="primary"
        isDisabled={busy || !threatId}
        onClick={async () =>
          threatId &&
          onError(
            await act(
              'audit/link-threat',
              { issueKey: storyKey, clauseId, threatId },
              `Linking ${threatId} to ${storyKey}`,
            ),
          )
        }
      >
        Link threat
      </Button>
    </Inline>
  );
}
