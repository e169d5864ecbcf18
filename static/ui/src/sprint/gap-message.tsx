import { IssueLink } from '../common/issue-link';

/** The backend's sentence, its story key as a link (prefixed when the sentence does not name it). */
export function GapMessage({ message, storyKey }: { message: string; storyKey: string }) {
  const at = storyKey ? message.indexOf(storyKey) : -1;
  if (!storyKey) return <>{message}</>;
  if (at < 0) {
    return (
      <>
        <IssueLink issueKey={storyKey} />: {message}
      </>
    );
  }
  return (
    <>
      {message.slice(0, at)}
      <IssueLink issueKey={storyKey} />
      {message.slice(at + storyKey.length)}
    </>
  );
}
