import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useMemo, useState, type CSSProperties } from 'react';
import { compactDiff, wordDiff } from '../../../../../src/domain/common/text-diff';

const REMOVED: CSSProperties = {
  background: token('color.background.danger', '#FFECEB'),
  color: token('color.text.danger', '#AE2E24'),
};
const ADDED: CSSProperties = {
  background: token('color.background.success', '#DCFFF1'),
  color: token('color.text.success', '#216E4E'),
  textDecoration: 'none',
};
const TEXT: CSSProperties = { whiteSpace: 'pre-wrap', margin: 0 };

interface Props {
  threatId: string;
  toVersion: string;
  from: string;
  to: string;
}

/**
 * A description change as the words that go and come, with long unchanged stretches shortened,
 * so an edit of a few words in a long text reads at a glance; both texts in full on request.
 */
export function DescriptionDiff({ threatId, toVersion, from, to }: Props) {
  const [full, setFull] = useState(false);
  const parts = useMemo(() => compactDiff(wordDiff(from, to)), [from, to]);

  return (
    <Stack space="space.100">
      {full ? (
        <>
          <FullText label={`${threatId} now`} text={from} />
          <FullText label={`Version ${toVersion}`} text={to} />
        </>
      ) : (
        <>
          <p style={TEXT} aria-label="Description changes">
            {parts.map((part, i) =>
              part.kind === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'removed' ? (
                <del key={i} style={REMOVED} title={`Only in ${threatId} now`}>
                  {part.text}
                </del>
              ) : (
                <ins key={i} style={ADDED} title={`Only in version ${toVersion}`}>
                  {part.text}
                </ins>
              ),
            )}
          </p>
          <Text
            size="small"
            color="color.text.subtle"
          >{`Struck out: only in ${threatId} now. Highlighted: only in version ${toVersion}. “…” stands for words both have.`}</Text>
        </>
      )}
      <div>
        <Button appearance="subtle" spacing="compact" aria-expanded={full} onClick={() => setFull(!full)}>
          {full ? 'Show the changes only' : 'Show both texts in full'}
        </Button>
      </div>
    </Stack>
  );
}

function FullText({ label, text }: { label: string; text: string }) {
  return (
    <Stack space="space.050">
      <Text weight="medium">{label}</Text>
      <p style={TEXT} aria-label={label}>
        {text || '—'}
      </p>
    </Stack>
  );
}
