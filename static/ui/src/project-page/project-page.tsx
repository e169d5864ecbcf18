import { Box } from '@atlaskit/primitives';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState } from 'react';
import { SprintPlanningTab } from '../sprint/sprint-planning-tab';
import { AuditTab } from '../audit/audit-tab';
import { OpenThreatModelTab } from '../audit/open-threat-model';
import { MonitoringTab } from '../monitoring/monitoring-tab';
import { VerificationTab } from '../verification/verification-tab';
import { InterchangeTab } from '../interchange/interchange-tab';
import { ThreatModelTab } from '../threat-model/threat-model-tab';
import { ComplianceTab } from '../compliance/compliance-tab';
import './project-tabs.css';

// A TabPanel lays out as flex; without full width its content hugs the left edge.
const PANEL_STYLE = { width: '100%' };

// The security champion's and product owner's page.
export function ProjectPage() {
  // An import changes the model behind the Threat model tab, which stays mounted: a new key reads it again.
  const [imports, setImports] = useState(0);
  // Visited tabs stay mounted (hidden): the Threat model tab refreshes only while it is the one shown.
  const [selected, setSelected] = useState(0);
  return (
    <Box padding="space.200">
      <div className="project-tabs">
        <Tabs id="project-page-tabs" selected={selected} onChange={setSelected}>
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
              <ThreatModelTab key={imports} shown={selected === 0} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={PANEL_STYLE}>
              <SprintPlanningTab />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" style={PANEL_STYLE}>
              <OpenThreatModelTab.Provider value={() => setSelected(0)}>
                <AuditTab />
              </OpenThreatModelTab.Provider>
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
      </div>
    </Box>
  );
}
