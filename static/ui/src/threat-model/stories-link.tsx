import { Pressable, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';

const LINK_STYLE = {
  padding: 0,
  background: 'none',
  color: token('color.link', '#0C66E4'),
  textDecoration: 'underline',
  font: 'inherit',
};

interface Props {
  threatId: string;
  /** null while the count is being read. */
  storyCount: number | null;
  storiesJql: string;
}

export function storiesSearchUrl(jql: string): string {
  return `/issues/?jql=${encodeURIComponent(jql)}`;
}

/** The number of stories linked to a threat; it opens Jira's search for them. */
export function StoriesLink({ threatId, storyCount, storiesJql }: Props) {
  if (storyCount === null)
    return (
      <Text color="color.text.subtlest" aria-label={`Counting the stories linked to ${threatId}`}>
        …
      </Text>
    );
  if (storyCount === 0 || storiesJql === '') return <Text>{storyCount}</Text>;
  const label = `${storyCount} ${storyCount === 1 ? 'story' : 'stories'} linked to ${threatId}`;
  return (
    <Pressable
      aria-label={label}
      style={LINK_STYLE}
      onClick={() => {
        // A plain href would navigate the app's iframe, not Jira; the host navigates the page.
        router.navigate(storiesSearchUrl(storiesJql)).catch(() => undefined);
      }}
    >
      {storyCount}
    </Pressable>
  );
}
