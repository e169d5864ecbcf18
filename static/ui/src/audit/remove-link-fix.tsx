import Button from '@atlaskit/button/new';
import { useState } from 'react';
import type { AuditView } from '../../../../src/contract';
import { ConfirmInline } from '../common/confirm-inline';
import { showSuccessFlag } from '../common/success-flag';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone, useFocusNext } from './fix-focus';
import type { useAudit } from './use-audit';

interface Props {
  storyKey: string;
  threatId: string;
  /** Which threat it is: retired (named) or unknown to the model. */
  retired: boolean;
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * The fix for a link to a retired or unknown threat, in place: asks first, then removes that
 * threat id from the story's WITHOUT clauses and direct links as the person (the story's save
 * path, on the revision it reads), says what was removed, and audits the project again.
 */
export function RemoveLinkFix({ storyKey, threatId, retired, label, view, busy, act, onError }: Props) {
  const [confirming, setConfirming] = useState(false);
  const { done, sayDone, line } = useFixDone(view);
  const opener = useFocusNext<HTMLButtonElement>();
  const cancel = () => {
    opener.focusNext();
    setConfirming(false);
  };
  if (!view.canEditStories)
    return (
      <DisabledFix
        label={label}
        reason={`You can’t edit ${view.projectKey}’s stories, so you can’t remove the link here.`}
      />
    );
  const what = `${threatId}${retired ? ' (retired)' : ' (not in the threat model)'}`;
  // Until the audit that runs now is done, the finding stays: the row says what was done.
  if (done) return <DoneLine text={done} focusRef={line.ref} />;
  if (!confirming)
    return (
      <Button ref={opener.ref} isDisabled={busy} onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  return (
    <ConfirmInline
      question={`Remove ${what} from ${storyKey}’s WITHOUT clauses and direct links? The clauses themselves stay.`}
      confirm={{
        label: `Remove ${threatId}`,
        onClick: async () => {
          const failed = await act(
            'audit/remove-link',
            { issueKey: storyKey, threatId },
            `Removing ${threatId} from ${storyKey}`,
          );
          onError(failed);
          if (failed) return cancel();
          setConfirming(false);
          const said = `Removed ${what} from ${storyKey}. The audit runs again.`;
          sayDone(said);
          showSuccessFlag(`Removed ${threatId} from ${storyKey}`, said);
        },
      }}
      onCancel={cancel}
      busy={busy}
    />
  );
}
