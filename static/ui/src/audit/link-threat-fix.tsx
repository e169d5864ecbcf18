import Button from '@atlaskit/button/new';
import { Box, Inline, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useRef, useState } from 'react';
import type { AuditThreat, AuditView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
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

type ThreatOption = { value: string; label: string };

/** The picker asks again only once the person stops typing for this long. */
const TYPING_PAUSE_MS = 300;

const optionOf = (t: AuditThreat): ThreatOption => ({ value: t.id, label: `${t.id} ${t.title} (${t.severity.band})` });

/**
 * The fix for a clause linked to no threat, in place: choose an active threat, searched by id or
 * title (`audit/find-threats`: the view names only its page's threats, and a large model's every
 * threat would be most of an answer), then link it to the clause, as the person.
 */
export function LinkThreatFix({ findingId, storyKey, clauseId, label, view, busy, act, onError }: Props) {
  const [chosen, setChosen] = useState<ThreatOption | null>(null);
  // The most severe threats, read when the picker first opens: a tab with many such findings
  // must not search once per row just by showing them.
  const [severest, setSeverest] = useState<ThreatOption[]>();
  const [reading, setReading] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const typed = useRef('');
  if (!view.canEditStories)
    return (
      <DisabledFix
        label={label}
        reason={`You can’t edit ${view.projectKey}’s stories, so you can’t link a threat here.`}
      />
    );

  const find = async (query: string): Promise<ThreatOption[]> => {
    const found = await callResolver('audit/find-threats', { query });
    if (!found.ok) {
      onError(found.error.message);
      return [];
    }
    return found.data.threats.map(optionOf);
  };
  // Asks once the person stops typing: the promises of the keys before are left unanswered,
  // and the picker waits only for the last one.
  const load = (query: string): Promise<ThreatOption[]> =>
    new Promise((resolve) => {
      clearTimeout(typing.current);
      typing.current = setTimeout(() => void find(query).then(resolve), TYPING_PAUSE_MS);
    });
  const readSeverest = async () => {
    if (severest || reading) return;
    setReading(true);
    setSeverest(await find(''));
    setReading(false);
  };
  const selectId = `link-${findingId}`;
  const threatId = chosen?.value;

  return (
    <Inline space="space.050" alignBlock="center" shouldWrap>
      <label htmlFor={selectId}>
        <Text size="small">Threat</Text>
      </label>
      {/* Its options are whole threat titles: without a width it takes the longest one's and widens the table. */}
      <Box style={{ width: '16em', maxWidth: '100%' }}>
        <AsyncSelect<ThreatOption>
          inputId={selectId}
          defaultOptions={severest ?? []}
          loadOptions={load}
          onInputChange={(input, { action }) => {
            const cleared = action === 'input-change' && input === '' && typed.current !== '';
            typed.current = input;
            if (cleared) {
              clearTimeout(typing.current);
              void readSeverest();
            }
          }}
          onMenuOpen={() => {
            if (typed.current === '') void readSeverest();
          }}
          isLoading={reading || undefined}
          value={chosen}
          placeholder="Id or words…"
          noOptionsMessage={({ inputValue }) =>
            inputValue ? `No active threat matches “${inputValue}”` : 'No active threats'
          }
          isDisabled={busy}
          spacing="compact"
          menuPlacement="auto"
          onChange={(option) => setChosen(option ?? null)}
        />
      </Box>
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
