import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useId, useState } from 'react';
import type { SprintWarning } from '../../../../src/contract';
import { DisabledFix } from '../audit/disabled-fix';
import { useFocusNext } from '../audit/fix-focus';
import { InlineError } from '../common/inline-error';
import { ThreatPicker, type ThreatOption } from '../common/threat-picker';
import { GapMessage } from './gap-message';
import type { GapFixes } from './use-gap-fixes';

const LABEL = 'Link a threat';

/**
 * A clause of a planned story linked to no threat, and its fix in place: pick an active threat
 * (the Audit tab's picker) and link it to that clause, as the person. The plan's answer drops
 * the gap; a person who may not edit the project's stories is told why instead.
 */
export function LinkThreatGap({ gap, fixes }: { gap: SprintWarning; fixes: GapFixes }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ThreatOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const opener = useFocusNext<HTMLButtonElement>();
  const fixId = useId();
  const close = () => {
    opener.focusNext();
    setOpen(false);
    setChosen(null);
    setError(undefined);
  };
  const link = async (threatId: string) => {
    setBusy(true);
    const failed = await fixes.linkThreat(gap, threatId);
    setBusy(false);
    // Linked: the plan on screen no longer has this gap, and the list's line says what was done.
    if (failed) setError(failed);
  };
  const threatId = chosen?.value;

  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          <GapMessage message={gap.message} storyKey={gap.storyKey} />
        </Text>
        {fixes.canEditStories && !open && (
          <Button
            ref={opener.ref}
            spacing="compact"
            aria-label={`${LABEL} to the clause of ${gap.storyKey}`}
            onClick={() => setOpen(true)}
          >
            {LABEL}
          </Button>
        )}
      </Inline>
      {!fixes.canEditStories && (
        <DisabledFix
          label={LABEL}
          reason={`You can’t edit ${fixes.projectKey}’s stories, so you can’t link a threat here.`}
        />
      )}
      {open && (
        <Box id={fixId}>
          <Inline space="space.050" alignBlock="center" shouldWrap>
            <label htmlFor={`${fixId}-threat`}>
              <Text size="small">Threat</Text>
            </label>
            <ThreatPicker
              inputId={`${fixId}-threat`}
              autoFocus
              value={chosen}
              onChange={setChosen}
              onError={setError}
              isDisabled={busy}
            />
            <Button
              appearance="primary"
              spacing="compact"
              isDisabled={busy || !threatId}
              onClick={() => threatId && void link(threatId)}
            >
              {busy ? 'Linking…' : 'Link threat'}
            </Button>
            <Button spacing="compact" isDisabled={busy} onClick={close}>
              Cancel
            </Button>
          </Inline>
          {error && <InlineError>{error}</InlineError>}
        </Box>
      )}
    </Stack>
  );
}
