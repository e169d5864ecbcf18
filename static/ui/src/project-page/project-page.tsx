import EmptyState from '@atlaskit/empty-state';
import { Box } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';

const SECTIONS = ['Threat model', 'Sprint planning', 'Audit'] as const;
// A TabPanel lays out as flex; without full width the empty state hugs the left edge.
const PANEL_STYLE = { width: '100%' };

// The security champion's and product owner's page; each section is a placeholder for now.
export function ProjectPage() {
  return (
    <Box padding="space.200">
      <Tabs id="project-page-tabs">
        <TabList>
          {SECTIONS.map((section) => (
            <Tab key={section}>{section}</Tab>
          ))}
        </TabList>
        {SECTIONS.map((section) => (
          <TabPanel key={section}>
            <Box paddingBlock="space.200" style={PANEL_STYLE}>
              <EmptyState header="Coming soon" description={`${section} will appear here.`} headingLevel={2} />
            </Box>
          </TabPanel>
        ))}
      </Tabs>
    </Box>
  );
}
