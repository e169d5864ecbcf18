import { Box } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useEffect, useRef, useState } from 'react';
import type { AuditThreat } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';

export type ThreatOption = { value: string; label: string };

/** The picker asks again only once the person stops typing for this long. */
const TYPING_PAUSE_MS = 300;

const optionOf = (t: AuditThreat): ThreatOption => ({ value: t.id, label: `${t.id} ${t.title} (${t.severity.band})` });

interface Props {
  inputId: string;
  value: ThreatOption | null;
  onChange: (option: ThreatOption | null) => void;
  onError: (message: string) => void;
  isDisabled?: boolean;
  /** Takes focus when shown: the picker is what a fix opened to. */
  autoFocus?: boolean;
}

/**
 * Picks an active threat of the project, searched by id or title (`audit/find-threats`: a view
 * names only the threats it shows, and a large model's every threat would be most of an answer).
 * The Audit tab's "link a threat" fix and the sprint's clause gaps use it.
 */
export function ThreatPicker({ inputId, value, onChange, onError, isDisabled, autoFocus }: Props) {
  // The most severe threats, read when the picker first opens: a view with many such fixes
  // must not search once per row just by showing them.
  const [severest, setSeverest] = useState<ThreatOption[]>();
  const [reading, setReading] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  const typed = useRef('');
  useEffect(() => () => clearTimeout(typing.current), []);

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

  return (
    // Its options are whole threat titles: without a width it takes the longest one's and widens its row.
    <Box style={{ width: '16em', maxWidth: '100%' }}>
      <AsyncSelect<ThreatOption>
        inputId={inputId}
        autoFocus={autoFocus}
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
        value={value}
        placeholder="Id or words…"
        noOptionsMessage={({ inputValue }) =>
          inputValue ? `No active threat matches “${inputValue}”` : 'No active threats'
        }
        isDisabled={isDisabled}
        spacing="compact"
        menuPlacement="auto"
        onChange={(option) => onChange(option ?? null)}
      />
    </Box>
  );
}
