import Button from '@atlaskit/button/new';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import type { AuditView } from '../../../../src/contract';
import { ClauseInput } from '../common/clause-input';
import { newClauseId } from '../common/new-clause-id';
import { showSuccessFlag } from '../common/success-flag';
import { CLAUSE_FIELD_STYLE, useDraftedClause } from './clause-from-threat';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone, useFocusNext } from './fix-focus';
import { useRowState } from './row-memory';
import type { useAudit } from './use-audit';

interface Props {
  storyKey: string;
  threatId: string;
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/**
 * The fix for a story that links a threat no clause covers, in place: a WITHOUT clause drafted
 * from the threat's title, for the person to edit, linked to the threat and saved through the
 * story save path as the person; the audit then runs again, and the finding goes.
 */
export function AddClauseFix({ storyKey, threatId, label, view, busy, act, onError }: Props) {
  const title = view.threats.find((t) => t.id === threatId)?.title ?? '';
  const [open, setOpen] = useRowState('open', false);
  const clause = useDraftedClause(title);
  const { done, sayDone, line } = useFixDone(view);
  const opener = useFocusNext<HTMLButtonElement>();
  const close = () => {
    opener.focusNext();
    setOpen(false);
  };

  if (!view.canEditStories)
    return (
      <DisabledFix
        label={label}
        reason={`You can’t edit ${view.projectKey}’s stories, so you can’t add a clause to ${storyKey} here.`}
      />
    );
  if (done) return <DoneLine text={done} focusRef={line.ref} />;
  if (!open)
    return (
      <Button ref={opener.ref} isDisabled={busy} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );

  async function add() {
    const text = clause.take();
    if (text === undefined) return;
    const failed = await act(
      'audit/link-story',
      { issueKey: storyKey, threatId, newClause: { id: newClauseId(), text } },
      `Adding a WITHOUT clause to ${storyKey}`,
    );
    onError(failed);
    if (failed) return;
    const said = `Added “WITHOUT ${text}” to ${storyKey}, linked to ${threatId}. The audit runs again.`;
    sayDone(said);
    showSuccessFlag(`Added a WITHOUT clause to ${storyKey}`, said);
  }

  return (
    <Stack space="space.050" alignInline="start">
      <Box style={CLAUSE_FIELD_STYLE}>
        <ClauseInput
          label={`New WITHOUT clause of ${storyKey} for ${threatId}`}
          value={clause.text}
          error={clause.error}
          disabled={busy}
          autoFocus
          onChange={clause.change}
          onEnter={() => void add()}
          onEscape={close}
        />
      </Box>
      <Inline space="space.050">
        <Button appearance="primary" isDisabled={busy} onClick={() => void add()}>
          Add clause
        </Button>
        <Button appearance="subtle" onClick={close}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
