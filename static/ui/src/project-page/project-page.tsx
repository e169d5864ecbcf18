import { Box } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState } from 'react';
import { SprintPlanningTab } from '../sprint/sprint-planning-tab';
import { AuditTab } from '../audit/audit-tab';
import { MonitoringTab } from '../monitoring/monitoring-tab';
import { VerificationTab } from '../verification/verification-tab';
import { InterchangeTab } from '../interchange/interchange-tab';
import { ThreatModelTab } from '../threat-model/threat-model-tab';
import { ComplianceTab } from '../compliance/compliance-tab';

// A TabPanel lays out as flex; without full width its content hugs the left edge.
const PANEL_STYLE = { width: '100%' };

// The security champion's and product owner's page.
export function ProjectPage() {
  // An import changes the model behind the Threat model tab, which stays mounted: a new key reads it again.
  const [imports, setImports] = useState(0);
  return (
    <Box padding="space.200">
      <Tabs id="project-page-tabs">
        <TabList>
          <Tab>Threat model</Tab>
          <Tab>Sprint planning</Tab>
          <Tab>Audit</Tab>
          <Tab>Monitoring</Tab>
          <Tab>Verification</Tab>
          <Tab>Compliance</Tab>
          <Tab>Import / export</Tab>
        </TabList>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <ThreatModelTab key={imports} />
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
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <VerificationTab />
          </Box>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <ComplianceTab />
          </Box>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200" style={PANEL_STYLE}>
            <InterchangeTab onImported={() => setImports((n) => n + 1)} />
          </Box>
        </TabPanel>
      </Tabs>
    </Box>
  );
}
