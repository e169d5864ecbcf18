import type Resolver from '@forge/resolver';
import { forgeAuditQueue } from '../../app/audit/audit-queue';
import { auditProgress, auditView } from '../../app/audit/audit-view';
import { exportAudit } from '../../app/audit/export-audit';
import { findStories } from '../../app/audit/find-stories';
import { findThreats } from '../../app/audit/find-threats';
import { issueValues } from '../../app/audit/issue-values';
import { modelValues } from '../../app/audit/model-values';
import { releaseTask } from '../../app/audit/release-task';
import { removeUnreadablePart } from '../../app/audit/remove-unreadable-model-part';
import { reopenStory } from '../../app/audit/reopen-story';
import { replaceUnreadableClauses } from '../../app/audit/replace-unreadable-clauses';
import { restoreTaskProperty } from '../../app/audit/restore-task-property';
import { linkClauseThreat } from '../../app/audit/link-clause-threat';
import { linkStoryClause } from '../../app/audit/link-story-clause';
import { removeStoryThreatLink } from '../../app/audit/remove-threat-link';
import { startAudit } from '../../app/audit/start-audit';
import { suppressFinding } from '../../app/audit/suppress-finding';
import { unsuppressFinding } from '../../app/audit/unsuppress-finding';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerAuditResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'audit/get', ({ payload, context }) =>
    auditView(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/progress', ({ context }) => auditProgress(callClients(), projectKeyOf(context)));

  defineResolver(resolver, 'audit/run', ({ payload, context }) =>
    startAudit(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload.view),
  );

  defineResolver(resolver, 'audit/find-threats', ({ payload, context }) =>
    findThreats(callClients(), projectKeyOf(context), payload.query),
  );

  defineResolver(resolver, 'audit/export', ({ payload, context }) =>
    exportAudit(callClients(), projectKeyOf(context), payload),
  );

  defineResolver(resolver, 'audit/suppress', ({ payload, context }) =>
    suppressFinding(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/unsuppress', ({ payload, context }) =>
    unsuppressFinding(callClients(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/link-threat', ({ payload, context }) =>
    linkClauseThreat(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/remove-link', ({ payload, context }) =>
    removeStoryThreatLink(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/link-story', ({ payload, context }) =>
    linkStoryClause(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/find-stories', ({ payload, context }) =>
    findStories(callClients(), projectKeyOf(context), payload.query),
  );

  defineResolver(resolver, 'audit/issue-values', ({ payload, context }) =>
    issueValues(callClients(), projectKeyOf(context), payload.issueKey),
  );

  defineResolver(resolver, 'audit/replace-clauses', ({ payload, context }) =>
    replaceUnreadableClauses(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/restore-task-property', ({ payload, context }) =>
    restoreTaskProperty(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/release-task', ({ payload, context }) =>
    releaseTask(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/reopen-story', ({ payload, context }) =>
    reopenStory(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );

  defineResolver(resolver, 'audit/model-values', ({ payload, context }) =>
    modelValues(callClients(), projectKeyOf(context), payload),
  );

  defineResolver(resolver, 'audit/remove-model-part', ({ payload, context }) =>
    removeUnreadablePart(callClients(), forgeAuditQueue(), projectKeyOf(context), context.accountId, payload),
  );
}
