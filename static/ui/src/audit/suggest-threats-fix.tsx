import Button from '@atlaskit/button/new';
import { Box, Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import { GapSuggestions } from '../sprint/story-gap';

/**
 * The fix for a story that needs threat modeling, in place: what the story panel would suggest
 * for it (the sprint view's list). Reading them needs no edit right; linking one is done on the
 * story, where its clauses are written, and the list says so.
 */
export function SuggestThreatsFix({ storyKey, label }: { storyKey: string; label: string }) {
  const [open, setOpen] = useState(false);
  const listId = `audit-suggestions-${storyKey}`;
  return (
    <Stack space="space.050" alignInline="start">
      <Button
        aria-expanded={open}
        aria-controls={listId}
        aria-label={open ? `Hide suggestions for ${storyKey}` : `${label} for ${storyKey}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide suggestions' : label}
      </Button>
      {open && (
        <Box id={listId}>
          <GapSuggestions issueKey={storyKey} />
        </Box>
      )}
    </Stack>
  );
}
