import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { AuditView } from '../../../../src/contract';
import { ConfirmInline } from '../common/confirm-inline';
import { IssueLink } from '../common/issue-link';
import { showSuccessFlag } from '../common/success-flag';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone, useFocusNext } from './fix-focus';
import type { useAudit } from './use-audit';

interface Props {
  storyKey: string;
  /** The tasks of the mitigations not done: the other way to resolve it is to finish them. */
  taskKeys: string[];
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * The fix for a story done while its mitigations are not, in place: asks first, then moves the
 * story back to To Do (a transition Jira offers the person), and audits again. Finishing the
 * tasks is the other way; they are linked here.
 */
export function ReopenStoryFix({ storyKey, taskKeys, label, view, busy, act, onError }: Props) {
  const [confirming, setConfirming] = useState(false);
  const { done, sayDone, line } = useFixDone(view);
  const opener = useFocusNext<HTMLButtonElement>();
  const cancel = () => {
    opener.focusNext();
    setConfirming(false);
  };
  const tasks = taskKeys.length > 0 && (
    <Inline space="space.075" shouldWrap alignBlock="center">
      <Text size="small">Or finish:</Text>
      {taskKeys.map((key) => (
        <IssueLink key={key} issueKey={key} />
      ))}
    </Inline>
  );
  if (!view.canTransitionIssues)
    return (
      <Stack space="space.050" alignInline="start">
        <DisabledFix
          label={label}
          reason={`You can’t transition ${view.projectKey}’s issues, so you can’t reopen ${storyKey} here.`}
        />
        {tasks}
      </Stack>
    );
  if (done) return <DoneLine text={done} focusRef={line.ref} />;
  if (!confirming)
    return (
      <Stack space="space.050" alignInline="start">
        <Button
          ref={opener.ref}
          isDisabled={busy}
          aria-label={`${label} ${storyKey}`}
          onClick={() => setConfirming(true)}
        >
          {label}
        </Button>
        {tasks}
      </Stack>
    );
  return (
    <ConfirmInline
      question={`Move ${storyKey} back to To Do? It shipped without the security work that belongs to it.`}
      confirm={{
        label: `Reopen ${storyKey}`,
        onClick: async () => {
          const failed = await act('audit/reopen-story', { issueKey: storyKey }, `Reopening ${storyKey}`);
          onError(failed);
          if (failed) return cancel();
          setConfirming(false);
          sayDone(`Reopened ${storyKey}. The audit runs again.`);
          showSuccessFlag(`Reopened ${storyKey}`);
        },
      }}
      onCancel={cancel}
      busy={busy}
    />
  );
}
