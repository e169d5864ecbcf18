import { z } from 'zod';
import { VerificationRules } from '../verification/verification-rules';
import { DEFAULT_KNOWLEDGE_BASE_SETTINGS, KnowledgeBaseSettings } from '../knowledge-base/knowledge-base-settings';
import { DEFAULT_STATUS_MAPPING, StatusMapping } from '../mitigation/task-status';
import { DEFAULT_RISK_SETTINGS, RiskSettings } from './risk-settings';
import { DEFAULT_STORY_COVERAGE_SETTINGS, StoryCoverageSettings } from '../audit/story-coverage-settings';

// A project's settings for its threat model: who may edit it, the mitigation tasks' issue type
// and status mapping, and the knowledge bases in use. Stored in the model's meta.
export const ThreatModelSettings = z.object({
  /** Project role ids whose members may edit the threat model (project admins always may). */
  editorRoleIds: z.array(z.string().max(40)).max(20).default([]),
  /** Group ids whose members may edit the threat model. */
  editorGroupIds: z.array(z.string().max(100)).max(20).default([]),
  /** The issue type of mitigation tasks. */
  taskIssueTypeName: z.string().trim().min(1).max(60).default('Task'),
  /** How a task's Jira status becomes its mitigation's status. */
  statusMapping: StatusMapping.default(DEFAULT_STATUS_MAPPING),
  /** Which knowledge bases suggest threats and ask STRIDE questions here, and the default list. */
  knowledgeBases: KnowledgeBaseSettings.default(DEFAULT_KNOWLEDGE_BASE_SETTINGS),
  /** Exposure tier, risk tolerance, whether detective controls count, who may accept a threat's risk. */
  risk: RiskSettings.default(DEFAULT_RISK_SETTINGS),
  /** Which issues are stories for coverage and "story needs threat modeling": issue types and an optional JQL. */
  storyCoverage: StoryCoverageSettings.default(DEFAULT_STORY_COVERAGE_SETTINGS),
  /** Security-test rule ids mapped by hand to a threat or mitigation (verification); absent: none. */
  verificationRules: VerificationRules.optional(),
});
export type ThreatModelSettings = z.infer<typeof ThreatModelSettings>;
