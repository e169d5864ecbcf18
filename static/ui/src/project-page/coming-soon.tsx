import EmptyState from '@atlaskit/empty-state';

export function ComingSoon({ section }: { section: string }) {
  return <EmptyState header="Coming soon" description={`${section} will appear here.`} headingLevel={2} />;
}
