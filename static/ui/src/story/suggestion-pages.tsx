import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { useState } from 'react';

/** How many suggestions are shown at first, and added by each "Show more". */
export const SUGGESTION_PAGE = 10;

export interface SuggestionPages<T> {
  /** What to show now: the best matches (a page at a time), then the generic ones if asked for. */
  shown: T[];
  /** Matches not shown yet (generic ones apart). */
  hidden: number;
  /** Suggestions whose rule matches every story. */
  generic: number;
  showGeneric: boolean;
  showMore: () => void;
  toggleGeneric: () => void;
}

/**
 * The suggestions as a person reads them: they come best match first, catch-alls last; the best
 * ten are shown, "Show more" adds ten, and the catch-alls (a rule that matches every story says
 * nothing about this one) stay folded until asked for.
 */
export function useSuggestionPages<T extends { generic: boolean }>(suggestions: T[]): SuggestionPages<T> {
  const [limit, setLimit] = useState(SUGGESTION_PAGE);
  const [showGeneric, setShowGeneric] = useState(false);
  const specific = suggestions.filter((s) => !s.generic);
  const generic = suggestions.filter((s) => s.generic);
  return {
    shown: [...specific.slice(0, limit), ...(showGeneric ? generic : [])],
    hidden: Math.max(0, specific.length - limit),
    generic: generic.length,
    showGeneric,
    showMore: () => setLimit((l) => l + SUGGESTION_PAGE),
    toggleGeneric: () => setShowGeneric((g) => !g),
  };
}

/** "Show more" and "Show N generic suggestions", each only when there is something behind it. */
export function SuggestionPageControls({ pages, listId }: { pages: SuggestionPages<unknown>; listId: string }) {
  if (pages.hidden === 0 && pages.generic === 0) return null;
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      {pages.hidden > 0 && (
        <Button spacing="compact" aria-controls={listId} onClick={pages.showMore}>
          {`Show more (${pages.hidden} left)`}
        </Button>
      )}
      {pages.generic > 0 && (
        <Button
          spacing="compact"
          aria-controls={listId}
          aria-expanded={pages.showGeneric}
          onClick={pages.toggleGeneric}
        >
          {pages.showGeneric
            ? 'Hide generic suggestions'
            : `Show ${pages.generic} generic ${pages.generic === 1 ? 'suggestion' : 'suggestions'}`}
        </Button>
      )}
      {pages.generic > 0 && !pages.showGeneric && (
        <Text size="small" color="color.text.subtle">
          Generic: their rules match every story, so they say nothing about this one.
        </Text>
      )}
    </Inline>
  );
}
