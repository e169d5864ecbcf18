import { Box } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { SprintPlanningTab } from '../sprint/sprint-planning-tab';
import { AuditTab } from '../audit/audit-tab';
import { MonitoringTab } from '../monitoring/monitoring-tab';
import { ThreatModelTab } from '../threat-model/threat-model-tab';

// A TabPanel lays out as flex; without full width its content hugs the left edge.
const PANEL_STYLE = { width: '100%' };

// The security champion's and product owner's page.
export function ProjectPage() {
  return (
    <Box padding="space.200">
      <Tabs id="project-page-tabs">
        <TabList>
          <Tab>Threat model</Tab>
          <Tab>Sprint planning</Tab>
          <Tab>Audit</Tab>
          <Tab>Monitoring</Tab>
        </TabList>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <ThreatModelTab />
          </Box>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <SprintPlanningTab />
          </Box>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <AuditTab />
          </Box>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <MonitoringTab />
          </Box>
        </TabPanel>
      </Tabs>
    </Box>
  );
}
