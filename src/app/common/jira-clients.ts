import type { CallMemo } from '../../jira/client/call-memo';
import type { JiraClient } from '../../jira/client/jira-client';

/**
 * How a use case reaches Jira: as the person (Jira applies their permissions, so every read of
 * something they named goes this way) and as the app (the threat model's properties, role
 * members). A resolver passes Forge's two and a memo of the call's reads; the CLI and tests pass
 * their own (without a memo, every step reads for itself).
 */
export interface JiraClients {
  user: JiraClient;
  app: JiraClient;
  memo?: CallMemo;
}
