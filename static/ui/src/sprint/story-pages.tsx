import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import { STORY_PAGE_SIZE } from '../../../../src/domain/sprint/sprint-window';

export interface StoryPages {
  /** Index of the first story on screen, of `count` in the sprint. */
  offset: number;
  count: number;
  /** Whether another page was asked for and has not arrived. */
  loading: boolean;
  onPage: (offset: number) => void;
}

const number = (n: number) => n.toLocaleString('en-US');

/** "Stories 26–50 of 2,000" with Previous and Next: a big sprint is read a page at a time. */
export function StoryPageControls({ pages, listId }: { pages: StoryPages; listId: string }) {
  const { offset, count, loading, onPage } = pages;
  if (count <= STORY_PAGE_SIZE) return null;
  const last = Math.min(offset + STORY_PAGE_SIZE, count);
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="story-pages">
      <Button
        spacing="compact"
        aria-controls={listId}
        isDisabled={offset === 0 || loading}
        onClick={() => onPage(Math.max(0, offset - STORY_PAGE_SIZE))}
      >
        Previous stories
      </Button>
      <Button
        spacing="compact"
        aria-controls={listId}
        isDisabled={last >= count || loading}
        onClick={() => onPage(offset + STORY_PAGE_SIZE)}
      >
        Next stories
      </Button>
      <Text size="small" color="color.text.subtle">
        <span aria-live="polite">
          {loading ? 'Loading stories…' : `Stories ${number(offset + 1)}–${number(last)} of ${number(count)}`}
        </span>
      </Text>
    </Inline>
  );
}
