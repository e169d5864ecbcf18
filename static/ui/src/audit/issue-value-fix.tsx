import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives';
import type { AuditView, IssueValues } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { ConfirmInline } from '../common/confirm-inline';
import { IssueLink } from '../common/issue-link';
import { showSuccessFlag } from '../common/success-flag';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone, useFocusNext } from './fix-focus';
import { RawValue } from './raw-value';
import { useShownValues } from './use-shown-values';
import type { useAudit } from './use-audit';

interface Props {
  issueKey: string;
  /** Which value the finding is about: the story's clauses field, or the issue's task property. */
  value: 'clauses' | 'task-property';
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * The fix for a value the app cannot read or trust (a story's clauses, a task's property): it
 * first shows the value exactly as Jira holds it, then offers the one change that is safe, and
 * writes it as the person, over that very value only (its fingerprint goes along), then audits
 * again. The app never writes over such a value on its own.
 */
export function IssueValueFix({ issueKey, value, label, view, busy, act, onError }: Props) {
  const { values, loading, load, forget } = useShownValues(
    () => callResolver('audit/issue-values', { issueKey }),
    onError,
  );
  const { done, sayDone, line } = useFixDone(view);
  const opener = useFocusNext<HTMLButtonElement>();
  const close = () => {
    opener.focusNext();
    forget();
  };
  if (!view.canEditStories)
    return (
      <Stack space="space.050" alignInline="start">
        <DisabledFix
          label={label}
          reason={`You can’t edit ${view.projectKey}’s issues, so you can’t change ${issueKey}’s ${value === 'clauses' ? 'WITHOUT clauses' : 'task property'} here.`}
        />
        <IssueLink issueKey={issueKey}>Open {issueKey}</IssueLink>
      </Stack>
    );
  if (done) return <DoneLine text={done} focusRef={line.ref} />;
  if (!values)
    return (
      <Button
        ref={opener.ref}
        isDisabled={busy || loading}
        aria-label={`${label} of ${issueKey}`}
        onClick={() => void load()}
      >
        {loading ? 'Reading…' : label}
      </Button>
    );
  const choice = value === 'clauses' ? clausesChoice(values) : taskChoice(values);
  const apply = async () => {
    const fingerprint = value === 'clauses' ? values.clauses.fingerprint : values.taskProperty.fingerprint;
    const failed = await act(choice.key!, { issueKey, fingerprint }, choice.busy);
    onError(failed);
    // Refused: back to the button, to read the value again (it may have changed).
    if (failed) return close();
    sayDone(`${choice.done} The audit runs again.`);
    showSuccessFlag(choice.done);
  };
  return (
    <ConfirmInline
      question={choice.question}
      {...(choice.key ? { confirm: { label: choice.button, onClick: () => void apply() } } : {})}
      onCancel={close}
      busy={busy}
      beside={<IssueLink issueKey={issueKey}>Open {issueKey}</IssueLink>}
    >
      <RawValue
        label={
          value === 'clauses'
            ? `${issueKey}’s WITHOUT clauses value in Jira`
            : `${issueKey}’s without.task property in Jira`
        }
        value={value === 'clauses' ? values.clauses : values.taskProperty}
      />
    </ConfirmInline>
  );
}

interface Choice {
  key?: 'audit/replace-clauses' | 'audit/restore-task-property' | 'audit/release-task';
  question: string;
  button?: string;
  busy: string;
  done: string;
}

function clausesChoice(values: IssueValues): Choice {
  const key = values.issueKey;
  if (values.clausesReadable)
    return { question: `${key}’s WITHOUT clauses can be read now: nothing to replace.`, busy: '', done: '' };
  return {
    key: 'audit/replace-clauses',
    question: `The app cannot read this value, so it never writes over it on its own. Replace it with no WITHOUT clauses? Jira’s history of ${key} keeps the value above; write the story’s clauses again in its panel afterwards.`,
    button: 'Replace with no clauses',
    busy: `Replacing ${key}’s WITHOUT clauses`,
    done: `Replaced ${key}’s unreadable WITHOUT clauses with none.`,
  };
}

function taskChoice(values: IssueValues): Choice {
  const key = values.issueKey;
  // Jira keeps no history of issue properties: said before the value above is gone.
  const noHistory =
    values.taskProperty.text === null
      ? ''
      : ' Jira keeps no history of issue properties: copy the value above first if you need it.';
  const recorded = values.recordedFor;
  if (recorded)
    return {
      key: 'audit/restore-task-property',
      question: `The threat model records ${key} as the task of ${recorded.mitigationId} “${recorded.title}”. Set its property from the threat model (${recorded.mitigationId}, threats ${recorded.threatIds.join(', ') || 'none'})?${noHistory}`,
      button: `Set it from ${recorded.mitigationId}`,
      busy: `Setting ${key}’s task property`,
      done: `Set ${key}’s task property from ${recorded.mitigationId}.`,
    };
  if (values.taskProperty.text === null)
    return {
      key: 'audit/release-task',
      question: `${key} carries the app’s label for mitigation tasks but no task property, and the threat model records it as no mitigation’s task. Remove the label, so it is an ordinary issue again? Its links stay.`,
      button: 'Remove the label',
      busy: `Removing ${key}’s label`,
      done: `${key} is no mitigation task any more.`,
    };
  return {
    key: 'audit/release-task',
    question: `The threat model records ${key} as no mitigation’s task. Remove the app’s label and task property, so it is an ordinary issue again? Its links stay.${noHistory}`,
    button: 'Remove the task property',
    busy: `Removing ${key}’s task property`,
    done: `${key} is no mitigation task any more.`,
  };
}
