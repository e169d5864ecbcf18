import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { listRows, type ThreatListRow } from '../../../../src/contract';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { callResolver } from '../api/invoke-resolver';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { searchThreats, strideLetters } from '../common/threat-search';
import { useResolverView } from '../common/use-resolver-view';
import { SeverityLozenge } from './severity-lozenge';
import { ThreatForm } from './threat-form';

const SHOWN_AT_MOST = 20;

const pickerStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const rowStyles = xcss({
  paddingBlock: 'space.050',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});

export interface ThreatPickerProps {
  /** What the threat gets linked to, e.g. `clause “having my card data stolen”`. */
  target: string;
  linkedThreatIds: string[];
  /** The viewer may add threats to the project's threat model. */
  canCreate: boolean;
  disabled: boolean;
  /** Answers whether the link was saved; the owner closes the picker when it was. */
  onLink: (threatId: string) => Promise<boolean>;
  onClose: () => void;
}

/** Finds a threat of the project's model to link, or creates one; the model loads when the picker opens. */
export function ThreatPicker({ target, linkedThreatIds, canCreate, disabled, onLink, onClose }: ThreatPickerProps) {
  const { state: model, load: loadModel } = useResolverView('threat-model/get', {});
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const threats = useMemo(() => (model.status === 'ready' ? listRows(model.view.index) : []), [model]);
  const found = searchThreats(threats, query);
  const linkable = found.filter((threat) => threat.state === 'active' && !linkedThreatIds.includes(threat.id));

  async function link(threatId: string) {
    if (!(await onLink(threatId))) searchRef.current?.focus();
  }

  async function create(draft: ThreatDraft): Promise<string | undefined> {
    const created = await callResolver('threat-model/create-threat', { draft });
    if (!created.ok) return created.error.message;
    if (!(await onLink(created.data.id))) {
      // The threat exists now: offer it in the list, next to the error the panel shows.
      void loadModel();
      setQuery(created.data.id);
      setCreating(false);
    }
    return undefined;
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const [only, ...others] = linkable;
    if (only && others.length === 0 && !disabled) void link(only.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  }

  if (creating) {
    return (
      <Box xcss={pickerStyles}>
        <Stack space="space.150">
          <Heading size="xsmall" as="h3">
            New threat, to link to {target}
          </Heading>
          <ThreatForm
            initial={{ title: query.trim() }}
            submitLabel="Create and link"
            onSubmit={create}
            onCancel={() => setCreating(false)}
          />
        </Stack>
      </Box>
    );
  }

  return (
    <Box xcss={pickerStyles} onKeyDown={onKeyDown}>
      <Stack space="space.100">
        <Textfield
          ref={searchRef}
          autoFocus
          aria-label={`Search threats to link to ${target}`}
          placeholder="Search by id, title or STRIDE (T-2, card, S, Spoofing)"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onSearchKeyDown}
        />
        {model.status === 'loading' && <Loading label="Loading the threat model" />}
        {model.status === 'error' && (
          <ErrorMessage title="Could not load the threat model" error={model.error} onRetry={() => void loadModel()} />
        )}
        {model.status === 'ready' && (
          <Results
            threats={found}
            total={threats.length}
            query={query}
            linkedThreatIds={linkedThreatIds}
            disabled={disabled}
            onLink={(threatId) => void link(threatId)}
          />
        )}
        <Inline space="space.100">
          {canCreate && (
            <Button spacing="compact" isDisabled={disabled} onClick={() => setCreating(true)}>
              Create threat
            </Button>
          )}
          <Button appearance="subtle" spacing="compact" onClick={onClose}>
            Close
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}

interface ResultsProps {
  threats: ThreatListRow[];
  total: number;
  query: string;
  linkedThreatIds: string[];
  disabled: boolean;
  onLink: (threatId: string) => void;
}

function Results({ threats, total, query, linkedThreatIds, disabled, onLink }: ResultsProps) {
  if (total === 0) return <Text color="color.text.subtle">This project’s threat model has no threats yet.</Text>;
  if (threats.length === 0) return <Text color="color.text.subtle">No threat matches “{query.trim()}”.</Text>;
  return (
    <Stack space="space.050">
      <Box as="ul" xcss={listStyles} aria-label="Matching threats">
        {threats.slice(0, SHOWN_AT_MOST).map((threat) => (
          <Box as="li" key={threat.id} xcss={rowStyles}>
            <ThreatOption
              threat={threat}
              linked={linkedThreatIds.includes(threat.id)}
              disabled={disabled}
              onLink={onLink}
            />
          </Box>
        ))}
      </Box>
      {threats.length > SHOWN_AT_MOST && (
        <Text size="small" color="color.text.subtlest">
          Showing {SHOWN_AT_MOST} of {threats.length}: type more to narrow the search.
        </Text>
      )}
    </Stack>
  );
}

interface ThreatOptionProps {
  threat: ThreatListRow;
  linked: boolean;
  disabled: boolean;
  onLink: (threatId: string) => void;
}

function ThreatOption({ threat, linked, disabled, onLink }: ThreatOptionProps) {
  return (
    <Inline space="space.100" alignBlock="center" spread="space-between">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threat.id} />
        <Text>{threat.title}</Text>
        <Text size="small" color="color.text.subtlest">
          {strideLetters(threat)}
        </Text>
      </Inline>
      {threat.state === 'retired' ? (
        <Text size="small" color="color.text.subtlest">
          Retired, cannot be linked
        </Text>
      ) : linked ? (
        <Text size="small" color="color.text.subtlest">
          Linked
        </Text>
      ) : (
        <Button
          spacing="compact"
          aria-label={`Link ${threat.id} ${threat.title}`}
          isDisabled={disabled}
          onClick={() => onLink(threat.id)}
        >
          Link
        </Button>
      )}
    </Inline>
  );
}
